import "server-only";
import { randomUUID } from "node:crypto";
import { type ConnectionExchangeDto, ConnectionExchangeSchema } from "@/lib/api/connection-exchanges";
import type { ConnectionConfig } from "@/lib/api/connections";
import { EXCHANGES_KEPT } from "@/lib/connection-exchanges-limits";
import { SECRET_FIELDS } from "@/lib/connection-kinds";
import type { ExchangeObserver, HttpExchange } from "@/lib/server/http/client";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import { redactExchange } from "./redact-exchange";

/**
 * Each connection's last exchanges with its appliance, redacted, in the shared state (memory, or Redis when
 * REDIS_URL is set): an admin on one instance sees what another instance did, nothing needs a migration, and
 * a capped list (LPUSH + LTRIM) costs one round trip per exchange however busy the connection is.
 * Recording never slows or breaks a vendor call: the observer only queues; redaction and the write happen
 * after the call's own work, a full queue drops exchanges, and a failing store is logged once per outage.
 */

/** A log nobody writes to any more (a connection gone quiet, or removed on an instance that was down). */
const KEPT_FOR_MS = 7 * 24 * 60 * 60 * 1000;
/** Exchanges waiting for redaction and the write; beyond this, new ones are dropped rather than queued. */
const MAX_PENDING = 200;
/** Session tokens, cookies and salts removed by name, kept to find them by value in later exchanges. */
const LEARNED_PER_CONNECTION = 64;

interface LogState {
  learned: Map<string, string[]>;
  pending: number;
  /** Set once a failure was logged; cleared by the next success, so each outage is logged once. */
  failing: boolean;
}

// On globalThis so every module copy Next loads shares one queue count and one set of learned values.
const holder = globalThis as typeof globalThis & { __connectionExchangeLog?: LogState };
function logState(): LogState {
  holder.__connectionExchangeLog ??= { learned: new Map(), pending: 0, failing: false };
  return holder.__connectionExchangeLog;
}

const keyOf = (connectionId: string) => `connection-exchanges:${connectionId}`;

/** The connection's secret settings (passwords, API keys), to be hunted by value in every exchange. */
export function secretValuesOf(config: ConnectionConfig): string[] {
  const fields = config as unknown as Record<string, unknown>;
  return SECRET_FIELDS[config.kind]
    .map((field) => fields[field])
    .filter((value): value is string => typeof value === "string");
}

function learn(connectionId: string, found: readonly string[]): void {
  if (found.length === 0) return;
  const { learned } = logState();
  const known = (learned.get(connectionId) ?? []).filter((value) => !found.includes(value));
  learned.set(connectionId, [...found, ...known].slice(0, LEARNED_PER_CONNECTION));
}

function reportFailure(connectionId: string, error: unknown): void {
  const state = logState();
  if (state.failing) return;
  state.failing = true;
  // Name and message only: the error of a store write cannot carry the exchange, but a stack could.
  const { name, message } = error as Error;
  console.warn(
    `[diagnostics] could not record an exchange of ${connectionId} (${name}: ${message}); vendor calls go on, diagnostics miss exchanges until the store answers again`,
  );
}

/** Redacts one exchange and adds it to the connection's log. */
export async function recordExchange(
  connectionId: string,
  secrets: readonly string[],
  raw: HttpExchange,
): Promise<void> {
  const { exchange, found } = redactExchange(raw, [
    ...secrets,
    ...(logState().learned.get(connectionId) ?? []),
  ]);
  learn(connectionId, found);
  const item: ConnectionExchangeDto = { id: randomUUID(), ...exchange };
  await sharedState().pushCapped(keyOf(connectionId), JSON.stringify(item), EXCHANGES_KEPT, KEPT_FOR_MS);
}

/** The observer a connection's HTTP client reports to (vendor-connection.ts, probe.ts). */
export function exchangeRecorder(connectionId: string, secrets: readonly string[]): ExchangeObserver {
  return (raw) => {
    const state = logState();
    if (state.pending >= MAX_PENDING) {
      reportFailure(connectionId, new Error(`more than ${MAX_PENDING} exchanges waiting to be recorded`));
      return;
    }
    state.pending++;
    // After the vendor call's own continuation: the person waiting for the answer never waits for this.
    setImmediate(() => {
      recordExchange(connectionId, secrets, raw).then(
        () => {
          state.pending--;
          state.failing = false;
        },
        (error: unknown) => {
          state.pending--;
          reportFailure(connectionId, error);
        },
      );
    });
  };
}

/** Newest first. Items another version of the console wrote in another shape are left out. */
export async function connectionExchanges(connectionId: string): Promise<ConnectionExchangeDto[]> {
  const items = await sharedState().listItems(keyOf(connectionId));
  return items
    .flatMap((item) => {
      try {
        const parsed = ConnectionExchangeSchema.safeParse(JSON.parse(item));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** When a connection is removed: its exchanges, on every instance, and what this one learned from them. */
export async function forgetConnectionExchanges(connectionId: string): Promise<void> {
  logState().learned.delete(connectionId);
  await sharedState().delete(keyOf(connectionId));
}
