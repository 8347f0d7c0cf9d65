import type { Request as CannonRequest } from "autocannon";
import { TICKET_SORTS } from "@/lib/kayako-vocabulary";
import { EXTENSION_SORTS } from "@/lib/kerio-extensions-vocabulary";
import { HOTSPOT_USER_SORTS } from "@/lib/kiwire-vocabulary";

/**
 * What the simulated operators do: the console's everyday reads with the sorts, searches and pages people
 * use, plus a share of writes. Each endpoint gets its share of the concurrent connections by weight; every
 * connection loops over its requests, as one person clicking through a page would.
 */

/** Who may make a request: any operator (signed-in session or API token), an admin, or a browser session. */
export type CredentialKind = "operator" | "admin" | "session";

export interface Endpoint {
  name: string;
  weight: number;
  credentials: CredentialKind;
  /** A write: its latency and errors are reported apart from the reads'. */
  write: boolean;
  /**
   * Requests per second per connection; unset, a connection sends the next request as soon as the last is
   * answered. People write now and then, not in a tight loop: writes are paced at one request a second.
   */
  ratePerConnection?: number;
  /** Read once before the load, so vendor logins and cold caches are not measured as steady state. */
  warmUpPath?: string;
  requests: CannonRequest[];
}

export interface MixContext {
  connections: { kerio: string; kiwire: string; kalliope: string; kayako: string };
  /** A day range with calls on the PBX (PBX local dates, YYYY-MM-DD). */
  callDays: { from: string; to: string };
  /** A hotspot profile that exists on the Kiwire appliance, for generated vouchers. */
  voucherProfile: string;
  /** Extension numbers no one else uses, so concurrent create+delete loops never collide. */
  nextExtensionNumber: () => string;
}

interface LoopContext {
  extensionNumber?: string;
  voucherCodes?: string[];
}
/** autocannon hands each connection's loop state over as a plain object; this bench keeps these fields in it. */
const loopOf = (context: object) => context as LoopContext;

/** Cycles through variants in order, so a run is repeatable and every variant is exercised. */
function rotating(variants: readonly string[]): (request: CannonRequest) => CannonRequest {
  let next = 0;
  return (request) => ({ ...request, path: variants[next++ % variants.length]! });
}

const query = (path: string, params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

function product<T>(...lists: T[][]): T[][] {
  return lists.reduce<T[][]>((rows, list) => rows.flatMap((row) => list.map((item) => [...row, item])), [[]]);
}

const JSON_BODY = { "content-type": "application/json" };
const WRITE_RATE = 1;

export function loadMix(context: MixContext): Endpoint[] {
  const { kerio, kiwire, kalliope, kayako } = context.connections;
  const extensions = `/api/v1/kerio/${kerio}/extensions`;
  const vouchers = `/api/v1/kiwire/${kiwire}/vouchers`;

  const read = (
    name: string,
    weight: number,
    variants: string[],
    credentials: CredentialKind = "operator",
  ) => ({
    name,
    weight,
    credentials,
    write: false,
    warmUpPath: variants[0],
    requests: [{ method: "GET" as const, setupRequest: rotating(variants) }],
  });

  return [
    read(
      "extensions list (sort, search, pages)",
      8,
      product<string | number | undefined>(
        [...EXTENSION_SORTS],
        ["asc", "desc"],
        [1, 2, 5],
        [undefined, "10", "desk"],
      ).map(([sort, dir, page, q]) => query(extensions, { sort, dir, page, pageSize: 50, q })),
    ),
    read("Kiwire hotspot users", 4, [
      ...[1, 2, 3, 10].map((page) => query(`/api/v1/kiwire/${kiwire}/users`, { page })),
      query(`/api/v1/kiwire/${kiwire}/users`, { q: "ali" }),
      ...HOTSPOT_USER_SORTS.map((sort) => query(`/api/v1/kiwire/${kiwire}/users`, { sort, dir: "desc" })),
    ]),
    read(
      "Kiwire vouchers",
      4,
      [1, 2, 3].flatMap((page) => [query(vouchers, { page }), query(vouchers, { page, status: "active" })]),
    ),
    read(
      "Kalliope calls, a day range",
      4,
      ["startTime", "caller", "durationSeconds"].flatMap((sort) =>
        [1, 3].map((page) =>
          query(`/api/v1/kalliope/${kalliope}/calls`, {
            from: context.callDays.from,
            to: context.callDays.to,
            sort,
            page,
          }),
        ),
      ),
    ),
    read(
      "Kayako tickets",
      4,
      product<string>([...TICKET_SORTS], ["open", "all"]).map(([sort, status]) =>
        query(`/api/v1/kayako/${kayako}/tickets`, { sort, status }),
      ),
    ),
    read("connections and health (overview cards)", 3, ["/api/v1/connections"]),
    read("overview page (server-rendered HTML)", 2, ["/"], "session"),
    read(
      "audit log",
      3,
      [1, 2, 5].flatMap((page) => [
        query("/api/v1/audit-events", { page }),
        query("/api/v1/audit-events", { page, action: "extensions" }),
      ]),
      "admin",
    ),
    {
      name: "extension create + delete (write)",
      weight: 2,
      credentials: "operator",
      write: true,
      ratePerConnection: WRITE_RATE,
      requests: [
        {
          method: "POST",
          path: extensions,
          headers: JSON_BODY,
          setupRequest: (request, loop) => {
            loopOf(loop).extensionNumber = context.nextExtensionNumber();
            return {
              ...request,
              body: JSON.stringify({ number: loopOf(loop).extensionNumber, description: "load bench" }),
            };
          },
        },
        {
          method: "DELETE",
          setupRequest: (request, loop) => ({
            ...request,
            path: `${extensions}/${loopOf(loop).extensionNumber}`,
          }),
        },
      ],
    },
    {
      name: "vouchers generate 2 + delete them (write)",
      weight: 2,
      credentials: "operator",
      write: true,
      ratePerConnection: WRITE_RATE,
      requests: [
        {
          method: "POST",
          path: vouchers,
          headers: JSON_BODY,
          body: JSON.stringify({ quantity: 2, profile: context.voucherProfile, remark: "load bench" }),
          onResponse: (status, body, loop) => {
            if (status !== 201) return;
            const created = JSON.parse(body) as { items: { username: string }[] };
            loopOf(loop).voucherCodes = created.items.map((item) => item.username);
          },
        },
        ...[0, 1].map(
          (index): CannonRequest => ({
            method: "DELETE",
            setupRequest: (request, loop) => ({
              ...request,
              path: `${vouchers}/${encodeURIComponent(loopOf(loop).voucherCodes?.[index] ?? "missing")}`,
            }),
          }),
        ),
      ],
    },
  ];
}

/** Splits the connections by weight, at least one each; the total may round up by a few. */
export function shareConnections(endpoints: readonly Pick<Endpoint, "weight">[], total: number): number[] {
  const weights = endpoints.reduce((sum, endpoint) => sum + endpoint.weight, 0);
  return endpoints.map((endpoint) => Math.max(1, Math.round((endpoint.weight / weights) * total)));
}
