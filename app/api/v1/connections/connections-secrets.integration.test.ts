import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreateConnectionInput } from "@/lib/api/connections";
import { CONNECTION_KINDS, type ConnectionKind } from "@/lib/connection-kinds";
import { installFileConnections, parseConnectionsFile } from "@/lib/server/connections/file-source";
import { runDueChecks } from "@/lib/server/connections/health";
import { auditEvents, connectionHealth } from "@/lib/server/db/schema";
import { logger } from "@/lib/server/logging/logger";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import { startKerioOperatorSimulator } from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { DELETE, GET as GET_ONE, PATCH } from "./[id]/route";
import { POST as TEST } from "./[id]/test/route";
import { GET, POST } from "./route";

const MASTER_KEY = `master-${randomBytes(24).toString("hex")}`;
process.env.CONSOLE_SECRET_KEY = MASTER_KEY;

/** Distinctive values, so finding one anywhere is certainly a leak and never a coincidence. */
const secret = (label: string) => `${label}-${randomBytes(12).toString("hex")}`;
const SECRETS = {
  kerioPassword: secret("kerio-pw"),
  kiwirePassword: secret("kiwire-pw"),
  kiwireApiKey: secret("kiwire-key"),
  kalliopePassword: secret("kalliope-pw"),
  kayakoApiKey: secret("kayako-key"),
  kayakoSecret: secret("kayako-secret"),
  replacement: secret("replaced-pw"),
  wrong: secret("wrong-pw"),
};

const simulators: RunningSimulator[] = [];
beforeAll(async () => {
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
          salt: "b5a8fdcf2f8d5acdad33c4a072a97d7a",
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
  await Promise.all(simulators.map((simulator) => simulator.close()));
});

function bodyFor(simulator: RunningSimulator): CreateConnectionInput {
  const credentials: Partial<Record<ConnectionKind, Record<string, string>>> = {
    kalliope: { username: "apiuser", password: SECRETS.kalliopePassword, domain: "default" },
  };
  return connectionFor(simulator, { id: simulator.kind, ...credentials[simulator.kind as ConnectionKind] });
}

describe("secrets never leave the vault", () => {
  it("appear in no API response, audit record or log line, whatever the path", async () => {
    const output: string[] = [];
    const capture = (...args: unknown[]) => {
      output.push(
        args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(" "),
      );
    };
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(capture),
    );
    // Every level, whatever LOG_LEVEL the test run has: a debug line leaking a secret is still a leak.
    const previousLevel = logger.level;
    logger.level = "trace";
    const writes = [process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
        output.push(String(chunk));
        return true;
      }),
    );
    const responses: string[] = [];
    const record = async (response: Promise<Response>) => {
      const answered = await response;
      const text = await answered.text();
      responses.push(`${answered.status} ${text}`);
      return { status: answered.status, json: () => JSON.parse(text) };
    };
    try {
      const db = await freshDatabase();
      // A file connection whose password comes from the environment, as deployments declare them.
      const { id: _id, ...fileEntry } = bodyFor(simulators[0] as RunningSimulator);
      const file = {
        connections: [{ ...fileEntry, id: "from-file", password: { env: "SECRET_SCAN_PASSWORD" } }],
      };
      installFileConnections(
        parseConnectionsFile(JSON.stringify(file), "connections.json", {
          SECRET_SCAN_PASSWORD: SECRETS.kerioPassword,
        }),
      );
      const admin = (await userWithSession(db, "admin")).cookie;
      const viewer = (await userWithSession(db, "viewer")).cookie;

      for (const simulator of simulators) {
        const body = bodyFor(simulator);
        expect((await record(call(POST, { method: "POST", headers: { cookie: admin }, body }))).status).toBe(
          201,
        );
        // A refused create that carries every secret: the error must not echo them.
        await record(
          call(POST, { method: "POST", headers: { cookie: admin }, body: { ...body, baseUrl: "nope" } }),
        );
        await record(call(POST, { method: "POST", headers: { cookie: viewer }, body }));
      }
      for (const id of [
        "from-file",
        ...CONNECTION_KINDS.filter((kind) => simulators.some((s) => s.kind === kind)),
      ]) {
        const result = await record(
          call(TEST, { method: "POST", headers: { cookie: admin }, params: { id } }),
        );
        expect(result.json().ok, id).toBe(true);
        for (const cookie of [admin, viewer])
          await record(call(GET_ONE, { headers: { cookie }, params: { id } }));
      }
      // Wrong and replaced secrets, then failing tests and a background pass.
      await record(
        call(PATCH, {
          method: "PATCH",
          headers: { cookie: admin },
          params: { id: "kerio-operator" },
          body: { kind: "kerio-operator", password: SECRETS.wrong },
        }),
      );
      await record(
        call(PATCH, {
          method: "PATCH",
          headers: { cookie: admin },
          params: { id: "kayako" },
          body: { kind: "kayako", secretKey: SECRETS.replacement, apiKey: SECRETS.wrong },
        }),
      );
      await record(
        call(PATCH, {
          method: "PATCH",
          headers: { cookie: admin },
          params: { id: "from-file" },
          body: { kind: "kerio-operator", password: SECRETS.wrong },
        }),
      );
      for (const id of ["kerio-operator", "kayako"]) {
        const result = await record(
          call(TEST, { method: "POST", headers: { cookie: admin }, params: { id } }),
        );
        expect(result.json().outcome).toBe("wrong_credentials");
      }
      await db.delete(connectionHealth);
      await runDueChecks(db, { intervalMs: 60_000 });
      for (const cookie of [admin, viewer]) await record(call(GET, { headers: { cookie } }));
      await record(call(DELETE, { method: "DELETE", headers: { cookie: admin }, params: { id: "kiwire" } }));

      const audit = JSON.stringify(await db.select().from(auditEvents));
      expect(audit).toContain("connections.create");
      expect(audit).toContain("connections.test");
      expect(responses.length).toBeGreaterThan(20);
      expect(output.join("\n")).toContain("[connections]");
      const haystacks = { responses: responses.join("\n"), audit, log: output.join("\n") };
      for (const [where, text] of Object.entries(haystacks)) {
        for (const [name, value] of Object.entries({ ...SECRETS, MASTER_KEY })) {
          expect(text.includes(value), `${name} found in ${where}`).toBe(false);
        }
      }
    } finally {
      for (const spy of [...spies, ...writes]) spy.mockRestore();
      logger.level = previousLevel;
      installFileConnections([]);
    }
  });
});
