import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ExtensionPageDto, ExtensionWriteResultDto, ImportResultDto } from "@/lib/api/kerio-extensions";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { operatorExtensionsFor } from "@/lib/server/connections/vendor-clients";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import {
  type RunningKerioOperatorSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { OPERATOR_VARIANT_MATRIX } from "@/simulators/kerio/variants";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { DELETE, GET as GET_ONE, PATCH } from "./[connectionId]/extensions/[number]/route";
import { POST as IMPORT } from "./[connectionId]/extensions/import/route";
import { GET as NEXT } from "./[connectionId]/extensions/next-number/route";
import { GET as LIST, POST } from "./[connectionId]/extensions/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let simulator: RunningKerioOperatorSimulator;
let db: Database;
let operator: string;
let viewer: string;
// A fresh id per test: sessions are cached per connection id for the whole process.
let connectionId: string;
let counter = 0;

async function connect(): Promise<void> {
  db = await freshDatabase();
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  operator = (await userWithSession(db, "operator")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
  connectionId = `pbx-${++counter}-${Date.now().toString(36)}`;
  const response = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId }),
  });
  expect(response.status).toBe(201);
}

const logins = () => simulator.calls.get("Session.login") ?? 0;

async function list(query: string, cookie = operator): Promise<ExtensionPageDto> {
  const response = await call(LIST, { path: `/x?${query}`, headers: { cookie }, params: { connectionId } });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

function create(body: Record<string, unknown>, cookie = operator) {
  return call(POST, { method: "POST", headers: { cookie }, params: { connectionId }, body });
}

/** Extensions and groups as the console lists them: every row but the lines of groups. */
const listedRows = () => simulator.store.rows().filter((row) => row.lineType !== 1);

// Every flow against every Operator build the documents allow (simulators/kerio/variants.ts).
describe.each(OPERATOR_VARIANT_MATRIX)(
  "extensions through the BFF against an Operator: $name",
  ({ variant }) => {
    beforeAll(async () => {
      simulator = await startKerioOperatorSimulator({ port: 0, extensions: 2000, variant });
    }, 60_000);
    afterAll(async () => {
      await simulator?.close();
    });
    beforeEach(connect);

    it("pages 2,000 extensions on the PBX, sorted and searched there", async () => {
      const first = await list("page=1&pageSize=50&sort=number");
      const second = await list("page=2&pageSize=50&sort=number");
      expect(first.items).toHaveLength(50);
      expect(second.items).toHaveLength(50);
      // Exactly the extensions and groups, whatever the build does with lineType conditions or row caps.
      const total = listedRows().length;
      expect(first.totalItems).toBe(total);
      const lastPage = Math.ceil(total / 50);
      const last = await list(`page=${lastPage}&pageSize=50&sort=number`);
      expect(last.totalItems).toBe(total);
      expect(last.items).toHaveLength(total - (lastPage - 1) * 50);
      const numbers = [...first.items, ...second.items].map((item) => Number(item.number));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(100);
      const desc = await list("page=1&pageSize=5&sort=number&dir=desc");
      expect(Number(desc.items[0]?.number)).toBeGreaterThan(Number(numbers.at(-1)));
      // Multi-registration groups come with their lines, never as separate rows.
      const groups = [...first.items, ...second.items].filter((item) => item.multiRegistration);
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        expect(group.sipUsername).toBeNull();
        expect(group.lines.length).toBeGreaterThanOrEqual(2);
      }
      const target = first.items[7];
      const found = await list(`q=${encodeURIComponent(target?.number ?? "")}&pageSize=50`);
      expect(found.items.map((item) => item.number)).toContain(target?.number);
      expect(found.totalItems).toBeLessThan(total);
      // A search by a group's own number finds the group with its lines.
      const group = groups[0];
      const byGroup = await list(`q=${encodeURIComponent(group?.number ?? "")}&pageSize=50`);
      expect(byGroup.items.find((item) => item.number === group?.number)).toEqual(group);
      // And a search by owner name, in whichever spelling this build knows.
      const owned = first.items.find((item) => item.owner?.fullName);
      const byOwner = await list(`q=${encodeURIComponent(owned?.owner?.fullName ?? "")}&pageSize=50`);
      expect(byOwner.items.map((item) => item.number)).toContain(owned?.number);
    });

    it("logs in again once when the session expires in the middle of a list, with the same result", async () => {
      const before = await list("page=3&pageSize=50&sort=description");
      const loginsBefore = logins();
      expect(simulator.expireAllSessions()).toBeGreaterThan(0);
      const after = await list("page=3&pageSize=50&sort=description");
      expect(after).toEqual(before);
      expect(logins()).toBe(loginsBefore + 1);
      // And the new session is reused by the next operator's request.
      await list("page=1&pageSize=5", viewer);
      expect(logins()).toBe(loginsBefore + 1);
    });

    it("creates exactly one extension when the session expires during a create", async () => {
      const next = await (
        await call(NEXT, { headers: { cookie: operator }, params: { connectionId } })
      ).json();
      expect(next).toMatchObject({
        number: expect.stringMatching(/^\d+$/),
        source: simulator.variant.nextValidNumber === "present" ? "kerio" : "computed",
      });
      expect(next.number).toBe(simulator.store.nextFreeNumber());
      await list("page=1&pageSize=1");
      const loginsBefore = logins();
      simulator.expireAllSessions();
      const response = await create({ number: next.number, description: "Front desk", recordInbound: true });
      expect(response.status, await response.clone().text()).toBe(201);
      const created: ExtensionWriteResultDto = await response.json();
      expect(created.extension).toMatchObject({ number: next.number, description: "Front desk" });
      expect(created.extension.sipUsername).toBe(next.number);
      expect(created.sipPassword).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(logins()).toBe(loginsBefore + 1);
      const matches = [...simulator.store.extensions.values()].filter((ext) => ext.telNum === next.number);
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ recordInbound: true, recordOutbound: false, natSupport: false });
      const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, "extensions.create"));
      expect(audit.at(-1)).toMatchObject({
        targetConnection: connectionId,
        targetId: next.number,
        result: "success",
      });
      expect(JSON.stringify(audit)).not.toContain(created.sipPassword ?? "none");
    });

    it("refuses a duplicate number with a message on the number field", async () => {
      const existing = (await list("page=1&pageSize=1")).items[0]?.number ?? "";
      const response = await create({ number: existing });
      expect(response.status).toBe(409);
      const body = await response.json();
      expect(body.error.message).toBe(
        `Extension ${existing} already exists (or the number is taken by a queue, conference or other dial-plan entry).`,
      );
      expect(body.error.details).toEqual([{ field: "number", message: body.error.message }]);
    });

    it("edits, regenerates the SIP password, and deletes; unknown numbers and guids are 404s", async () => {
      const number = (
        await (await call(NEXT, { headers: { cookie: operator }, params: { connectionId } })).json()
      ).number as string;
      expect((await create({ number, description: "Temp" })).status).toBe(201);
      const patched = await call(PATCH, {
        method: "PATCH",
        headers: { cookie: operator },
        params: { connectionId, number },
        body: { description: "Lobby", callPermission: 3, regenerateSipPassword: true },
      });
      expect(patched.status).toBe(200);
      const result: ExtensionWriteResultDto = await patched.json();
      expect(result.extension).toMatchObject({ description: "Lobby", callPermission: 3 });
      const line = [...simulator.store.extensions.values()].find((ext) => ext.telNum === number)?.lines[0];
      expect(line?.sipPassword).toBe(result.sipPassword);

      const removed = await call(DELETE, {
        method: "DELETE",
        headers: { cookie: operator },
        params: { connectionId, number },
      });
      expect(removed.status).toBe(200);
      const gone = await call(GET_ONE, { headers: { cookie: operator }, params: { connectionId, number } });
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.message).toBe(`Extension ${number} does not exist on this PBX.`);

      const extensions = await operatorExtensionsFor(db, connectionId);
      const faults = await extensions.removeGuids([987654321]);
      expect(faults).toEqual([
        expect.objectContaining({
          code: 1002,
          inputIndex: 0,
          message: "Extension 987654321 does not exist.",
        }),
      ]);
    });

    it("lets a viewer read but not write (403, audited as denied)", async () => {
      expect((await list("page=1&pageSize=1", viewer)).items).toHaveLength(1);
      const refused = await create({ number: "99999" }, viewer);
      expect(refused.status).toBe(403);
      const denied = await db.select().from(auditEvents).where(eq(auditEvents.result, "denied"));
      expect(denied.at(-1)).toMatchObject({ action: "extensions.create" });
    });

    it("imports rows one by one and reports each row's fate", async () => {
      const base = 70000 + counter * 10;
      const existing = (await list("page=1&pageSize=1")).items[0]?.number ?? "";
      const response = await call(IMPORT, {
        method: "POST",
        headers: { cookie: operator },
        params: { connectionId },
        body: {
          rows: [
            { number: String(base) },
            { number: existing },
            { number: String(base + 1), description: "B" },
          ],
        },
      });
      expect(response.status).toBe(200);
      const { results }: ImportResultDto = await response.json();
      expect(results.map((r) => [r.ok, r.field])).toEqual([
        [true, null],
        [false, "number"],
        [true, null],
      ]);
      expect(results[1]?.message).toContain(`Extension ${existing} already exists`);
    });
  },
);
