import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ConnectionExchangesDto } from "@/lib/api/connection-exchanges";
import type { CreateConnectionInput } from "@/lib/api/connections";
import { installFileConnections } from "@/lib/server/connections/file-source";
import {
  kalliopeCdrFor,
  kayakoFor,
  kiwireClientFor,
  operatorExtensionsFor,
} from "@/lib/server/connections/vendor-clients";
import { type ExchangeObserver, HttpClient, type HttpExchange } from "@/lib/server/http/client";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { installSharedState } from "@/lib/server/shared-state/shared-state";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import { startKerioOperatorSimulator } from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE } from "../../route";
import { DELETE } from "../route";
import { POST as TEST } from "../test/route";
import { GET } from "./route";

/**
 * Real exchanges with every simulator (Kerio login and logout, Kiwire login and signed call, KalliopePBX salt
 * and signed request, Kayako signed read), through "Test connection" and through the vendor clients: the
 * diagnostics list, as the API serves it and as the download holds it, carries no secret of the connection
 * and no session token, signature, salt or cookie that went over the wire, in any spelling.
 */

process.env.CONSOLE_SECRET_KEY = `master-${randomBytes(24).toString("hex")}`;

const secret = (label: string) => `${label}-${randomBytes(12).toString("hex")}`;
const SECRETS = {
  kerioPassword: secret("kerio-pw"),
  kiwirePassword: secret("kiwire-pw"),
  kiwireApiKey: secret("kiwire-key"),
  kalliopePassword: secret("kalliope-pw"),
  kayakoApiKey: secret("kayako-key"),
  kayakoSecret: secret("kayako-secret"),
};

/** Every raw attempt, as the HTTP client handed it to the recorder (secrets still in it). */
const wire: HttpExchange[] = [];
const simulators: RunningSimulator[] = [];

beforeAll(async () => {
  // Opening the database costs seconds on a busy machine: here, under the hook's longer timeout.
  await freshDatabase();
  installSharedState(new MemoryState());
  installFileConnections([]);
  const observe = HttpClient.prototype.observe;
  vi.spyOn(HttpClient.prototype, "observe").mockImplementation(function (
    this: HttpClient,
    observer: ExchangeObserver | undefined,
  ) {
    observe.call(this, (raw) => {
      wire.push(raw);
      observer?.(raw);
    });
  });
  simulators.push(
    await startKerioOperatorSimulator({ port: 0, extensions: 2, password: SECRETS.kerioPassword }),
    await startKiwireSimulator({
      port: 0,
      users: 2,
      vouchers: 2,
      profiles: 1,
      nas: 1,
      devices: 1,
      historyDays: 1,
      password: SECRETS.kiwirePassword,
      apiKey: SECRETS.kiwireApiKey,
    }),
    await startKalliopeSimulator({
      port: 0,
      callsPerDay: 2,
      days: 1,
      tenants: [
        {
          domain: "default",
          salt: `salt${randomBytes(14).toString("hex")}`,
          users: [{ username: "apiuser", password: SECRETS.kalliopePassword, privacy: true, api: true }],
        },
      ],
    }),
    await startKayakoSimulator({
      port: 0,
      tickets: 2,
      staff: 1,
      users: 1,
      organizations: 1,
      apiKey: SECRETS.kayakoApiKey,
      secretKey: SECRETS.kayakoSecret,
    }),
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  installSharedState(undefined);
  await Promise.all(simulators.map((simulator) => simulator.close()));
});

function bodyFor(simulator: RunningSimulator): CreateConnectionInput {
  const kalliope = simulator.kind === "kalliope" && {
    username: "apiuser",
    password: SECRETS.kalliopePassword,
    domain: "default",
  };
  return connectionFor(simulator, { id: simulator.kind, ...kalliope });
}

const FORM_SECRETS = ["code", "token", "api_key", "apikey", "salt", "signature"];

/**
 * What went over the wire that must not be shown, read off each vendor's protocol here in the test (not with
 * the redactor's rules): Kerio's password, token and session cookies, Kiwire's login code, token and signed
 * key, KalliopePBX's salt and X-authenticate, Kayako's key, salt and signature.
 */
function wireSecrets(raw: HttpExchange): string[] {
  const found: string[] = [];
  const [, query = ""] = raw.path.split("?");
  const body = raw.requestBody?.toString() ?? "";
  for (const params of [new URLSearchParams(query), new URLSearchParams(body)]) {
    for (const name of FORM_SECRETS) found.push(...params.getAll(name));
  }
  const headers = Object.fromEntries(
    Object.entries(raw.requestHeaders).map(([k, v]) => [k.toLowerCase(), v]),
  );
  for (const name of ["x-token", "x-authenticate"]) if (headers[name]) found.push(headers[name]);
  for (const pair of (headers.cookie ?? "").split(";")) found.push(pair.split("=")[1] ?? "");
  for (const line of [raw.response?.headers["set-cookie"] ?? []].flat()) {
    found.push(line.split(";")[0]?.split("=")[1] ?? "");
  }
  try {
    const request = JSON.parse(body) as { params?: { password?: string }; token?: string };
    found.push(request.params?.password ?? "", request.token ?? "");
  } catch {}
  try {
    const answer = JSON.parse(raw.response?.body.toString() ?? "") as {
      token?: string;
      salt?: string;
      result?: { token?: string };
    };
    found.push(answer.token ?? "", answer.salt ?? "", answer.result?.token ?? "");
  } catch {}
  return found.filter((value) => value.length >= 6);
}

/** A value and the encodings a diagnostics file could carry it in. */
function spellings(value: string): string[] {
  const base64 = Buffer.from(value).toString("base64");
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    base64,
    base64.replace(/=+$/, ""),
    Buffer.from(value).toString("base64url"),
  ];
}

async function exchangesOf(admin: string, id: string, download = false) {
  const response = await call(GET, {
    path: `/api/v1/connections/${id}/exchanges${download ? "?download=true" : ""}`,
    headers: { cookie: admin },
    params: { id },
  });
  return { response, text: await response.text() };
}

describe("connection diagnostics against every simulator", () => {
  it("list real exchanges of each vendor with no secret, token, signature, salt or cookie in them", async () => {
    const db = await freshDatabase();
    const admin = (await userWithSession(db, "admin")).cookie;
    for (const simulator of simulators) {
      const created = await call(CREATE, {
        method: "POST",
        headers: { cookie: admin },
        body: bodyFor(simulator),
      });
      expect(created.status).toBe(201);
      const tested = await call(TEST, {
        method: "POST",
        headers: { cookie: admin },
        params: { id: simulator.kind },
      });
      expect(((await tested.json()) as { outcome: string }).outcome, simulator.kind).toBe("ok");
    }
    // The same connections through the vendor clients' shared per-connection HTTP client.
    await (await operatorExtensionsFor(db, "kerio-operator")).find("100");
    await (await kiwireClientFor(db, "kiwire")).call("profile", "get", undefined, { limit: "1" });
    await (await kalliopeCdrFor(db, "kalliope")).client.request("GET", "/rest/dashboard/firmwareVersion");
    await (await kayakoFor(db, "kayako")).lookups();

    const expectedPaths = {
      "kerio-operator": [/\/admin\/api\/jsonrpc/],
      kiwire: [/api_login\.php/, /\/apiv2\/profile\/get/],
      kalliope: [/\/rest\/salt\/default/, /\/rest\/dashboard\/firmwareVersion/],
      kayako: [/e=%2FBase%2FDepartment/],
    } as const;
    const served: string[] = [];
    for (const simulator of simulators) {
      const id = simulator.kind as keyof typeof expectedPaths;
      await vi.waitFor(async () => {
        const list = JSON.parse((await exchangesOf(admin, id)).text) as ConnectionExchangesDto;
        for (const path of expectedPaths[id])
          expect(
            list.items.some((item) => path.test(item.path)),
            `${id} ${path}`,
          ).toBe(true);
      });
      const listed = await exchangesOf(admin, id);
      const downloaded = await exchangesOf(admin, id, true);
      expect(listed.response.status).toBe(200);
      expect(downloaded.response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="${id}-exchanges-[\\dT-]+Z\\.json"$`),
      );
      expect(JSON.parse(downloaded.text)).toEqual(JSON.parse(listed.text));
      const list = JSON.parse(listed.text) as ConnectionExchangesDto;
      expect(list.items.every((item) => item.status === 200 && item.durationMs >= 0)).toBe(true);
      served.push(listed.text, downloaded.text);
    }

    const secrets = new Set([...Object.values(SECRETS), ...wire.flatMap(wireSecrets)]);
    // Tokens, cookies, codes, signed keys, salts, signatures and X-authenticate headers of every vendor.
    expect(secrets.size).toBeGreaterThan(Object.keys(SECRETS).length + 8);
    const everything = served.join("\n");
    for (const value of secrets) {
      for (const form of spellings(value)) expect(everything, `a spelling of ${value}`).not.toContain(form);
    }
  });

  it("drops a removed connection's exchanges and answers 404 for it", async () => {
    const db = await freshDatabase();
    const admin = (await userWithSession(db, "admin")).cookie;
    const kayako = simulators.find((simulator) => simulator.kind === "kayako") as RunningSimulator;
    await call(CREATE, { method: "POST", headers: { cookie: admin }, body: bodyFor(kayako) });
    await call(TEST, { method: "POST", headers: { cookie: admin }, params: { id: "kayako" } });
    await vi.waitFor(async () =>
      expect(
        (JSON.parse((await exchangesOf(admin, "kayako")).text) as ConnectionExchangesDto).items.length,
      ).toBeGreaterThan(0),
    );
    expect(
      (await call(DELETE, { method: "DELETE", headers: { cookie: admin }, params: { id: "kayako" } })).status,
    ).toBe(200);
    expect((await exchangesOf(admin, "kayako")).response.status).toBe(404);
    // Added again under the same id, it starts with an empty log.
    await call(CREATE, { method: "POST", headers: { cookie: admin }, body: bodyFor(kayako) });
    expect(JSON.parse((await exchangesOf(admin, "kayako")).text)).toEqual({
      connectionId: "kayako",
      items: [],
    });
  });

  it("is refused to an operator, who may not manage connections", async () => {
    const db = await freshDatabase();
    const operator = (await userWithSession(db, "operator")).cookie;
    expect((await exchangesOf(operator, "kayako")).response.status).toBe(403);
  });
});
