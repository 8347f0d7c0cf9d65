import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AddressEntryChangeDto, AddressGroupListDto, TimeRangeDto } from "@/lib/api/kerio-control";
import { quoted } from "@/lib/i18n/api-messages/text";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { kerioRpcFor } from "@/lib/server/connections/vendor-clients";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { ApplyStepError, ControlAddressGroups } from "@/lib/server/vendors/kerio/control-address-groups";
import { type RunningKerioControlSimulator, startKerioControlSimulator } from "@/simulators/kerio/simulator";
import { CONTROL_VARIANT_MATRIX } from "@/simulators/kerio/variants";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { DELETE, PATCH } from "./[connectionId]/address-groups/[entryId]/route";
import { GET as LIST, POST } from "./[connectionId]/address-groups/route";
import { GET as TIME_RANGES } from "./[connectionId]/time-ranges/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const CONFIRM_TIMEOUT_MS = 60_000;
let simulator: RunningKerioControlSimulator;
let db: Database;
let operator: string;
let viewer: string;
let connectionId: string;
let counter = 0;

async function connect(): Promise<void> {
  db = await freshDatabase();
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  operator = (await userWithSession(db, "operator")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
  connectionId = `fw-${++counter}-${Date.now().toString(36)}`;
  const response = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId }),
  });
  expect(response.status).toBe(201);
}

async function list(cookie = operator): Promise<AddressGroupListDto> {
  const response = await call(LIST, { headers: { cookie }, params: { connectionId } });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const committedHosts = () => simulator.store.committed.map((entry) => entry.host);

// Every flow against every Control build the documents allow (simulators/kerio/variants.ts).
describe.each(CONTROL_VARIANT_MATRIX)(
  "Kerio Control address groups through the BFF: $name",
  ({ variant }) => {
    beforeAll(async () => {
      simulator = await startKerioControlSimulator({ port: 0, ipAddressEntries: 40, variant });
    }, 60_000);
    afterAll(async () => {
      await simulator?.close();
    });
    beforeEach(connect);

    it("lists groups with their entries of every type, and the time ranges", async () => {
      const { groups } = await list(viewer);
      const admin = groups.find((group) => group.name === "Remote administration");
      expect(admin?.entries.map((entry) => entry.type).sort()).toEqual(
        ["ChildGroup", "Host", "Host", "IpPrefix", "Network", "Range"].sort(),
      );
      expect(groups.flatMap((group) => group.entries)).toHaveLength(40);
      expect(groups.every((group) => group.entries.every((entry) => !entry.pending))).toBe(true);
      const response = await call(TIME_RANGES, { headers: { cookie: viewer }, params: { connectionId } });
      expect(response.status).toBe(200);
      const ranges: TimeRangeDto[] = (await response.json()).items;
      expect(ranges.find((range) => range.groupName === "Working hours")).toMatchObject({
        type: "Daily",
        summary: expect.stringContaining("08:00–17:00"),
      });
    });

    it("adds, disables and removes an entry, each applied and confirmed in one operation", async () => {
      const host = `192.0.2.${counter}`;
      const created = await call(POST, {
        method: "POST",
        headers: { cookie: operator },
        params: { connectionId },
        body: { groupName: "Blocked hosts", type: "Host", host, description: "Test" },
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const change: AddressEntryChangeDto = await created.json();
      expect(change.apply).toEqual({
        status: "confirmed",
        message: "Applied and confirmed.",
        steps: ["apply", "getConfigTimestamp", "confirmConfig"],
      });
      expect(change.entry).toMatchObject({ host, groupName: "Blocked hosts", enabled: true, pending: false });
      expect(simulator.lastApply().status).toBe("confirmed");
      expect(committedHosts()).toContain(host);
      // The id reported is the entry's id now, not a temporary one the apply replaced.
      expect(simulator.store.committed.find((entry) => entry.id === change.entry.id)?.host).toBe(host);

      const disabled = await call(PATCH, {
        method: "PATCH",
        headers: { cookie: operator },
        params: { connectionId, entryId: change.entry.id },
        body: { enabled: false },
      });
      expect(disabled.status, await disabled.clone().text()).toBe(200);
      expect((await disabled.json()).entry).toMatchObject({ enabled: false, description: "Test", host });
      expect(simulator.store.committed.find((entry) => entry.id === change.entry.id)).toMatchObject({
        enabled: false,
        description: "Test",
        host,
      });

      const described = await call(PATCH, {
        method: "PATCH",
        headers: { cookie: operator },
        params: { connectionId, entryId: change.entry.id },
        body: { description: "Edited" },
      });
      expect(described.status, await described.clone().text()).toBe(200);
      expect(simulator.store.committed.find((entry) => entry.id === change.entry.id)).toMatchObject({
        enabled: false,
        description: "Edited",
        host,
      });

      const edited = await call(PATCH, {
        method: "PATCH",
        headers: { cookie: operator },
        params: { connectionId, entryId: change.entry.id },
        body: { type: "Range", addr1: "192.0.2.200", addr2: "192.0.2.100" },
      });
      expect(edited.status).toBe(422);
      const refusal = (await edited.json()).error;
      expect(refusal.message).toContain("Failed at the cut-off check");
      expect(refusal.details[0].field).toBe("addr2");

      const removed = await call(DELETE, {
        method: "DELETE",
        headers: { cookie: operator },
        params: { connectionId, entryId: change.entry.id },
      });
      expect(removed.status, await removed.clone().text()).toBe(200);
      expect(simulator.lastApply().status).toBe("confirmed");
      expect(committedHosts()).not.toContain(host);
      const audit = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "address-groups.remove-entry"));
      expect(audit.at(-1)).toMatchObject({ targetId: change.entry.id, result: "success" });
    });

    it("warns before a removal that cuts the console off, and changes nothing", async () => {
      const loopback = simulator.store.committed.find((entry) => entry.host === "127.0.0.1");
      const applies = simulator.lastApply().applies;
      const response = await call(DELETE, {
        method: "DELETE",
        headers: { cookie: operator },
        params: { connectionId, entryId: loopback?.id ?? "" },
      });
      expect(response.status).toBe(409);
      const body = await response.json();
      expect(body.error.code).toBe("cut_off");
      expect(body.error.message).toContain("You will be cut off from remote administration!");
      expect(simulator.lastApply().applies).toBe(applies);
      expect(simulator.store.working.some((entry) => entry.id === loopback?.id)).toBe(true);
    });

    it("names the confirmConfig step when the confirmation is never sent, and Kerio reverts the change", async () => {
      const rpc = await kerioRpcFor(db, connectionId, "kerio-control");
      const call_ = rpc.call.bind(rpc);
      vi.spyOn(rpc, "call").mockImplementation((method, params, mode) =>
        method === "Session.confirmConfig"
          ? Promise.reject(
              new VendorError("unreachable", quoted("Kerio Control did not answer (connection reset).")),
            )
          : call_(method, params, mode),
      );
      const groups = new ControlAddressGroups(rpc);
      const host = `192.0.2.${100 + counter}`;
      const failure = await groups.create({ groupName: "Blocked hosts", type: "Host", host }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ApplyStepError);
      expect((failure as ApplyStepError).step).toBe("confirmConfig");
      expect((failure as ApplyStepError).message).toBe(
        "Failed at Session.confirmConfig: Kerio Control did not answer (connection reset). The change was applied but not confirmed: Kerio Control will revert it when its confirmation time runs out.",
      );
      expect(simulator.lastApply().status).toBe("pending");
      expect(committedHosts()).toContain(host);

      simulator.clock.offsetMs += CONFIRM_TIMEOUT_MS + 1_000;
      try {
        expect(simulator.lastApply().status).toBe("reverted");
        expect(committedHosts()).not.toContain(host);
        const after = await list();
        expect(after.groups.flatMap((group) => group.entries).map((entry) => entry.host)).not.toContain(host);
      } finally {
        simulator.clock.offsetMs -= CONFIRM_TIMEOUT_MS + 1_000;
      }
    });

    it("after an acknowledged lock-out the confirmation cannot reach Kerio: the step is named and Kerio reverts", async () => {
      const loopback = simulator.store.committed.find((entry) => entry.host === "127.0.0.1");
      const response = await call(DELETE, {
        method: "DELETE",
        path: "/x?acknowledgeCutOff=true",
        headers: { cookie: operator },
        params: { connectionId, entryId: loopback?.id ?? "" },
      });
      expect(response.status).toBeGreaterThanOrEqual(500);
      const body = await response.json();
      expect(body.error.code).toBe("apply_failed_getConfigTimestamp");
      expect(body.error.message).toMatch(
        /^Failed at Session\.getConfigTimestamp: .+ Kerio Control will revert it/,
      );
      expect(simulator.lastApply().status).toBe("pending");
      simulator.clock.offsetMs += CONFIRM_TIMEOUT_MS + 1_000;
      try {
        expect(simulator.lastApply().status).toBe("reverted");
        expect(committedHosts()).toContain("127.0.0.1");
        expect((await list()).groups.length).toBeGreaterThan(0);
      } finally {
        simulator.clock.offsetMs -= CONFIRM_TIMEOUT_MS + 1_000;
      }
    });

    it("lets a viewer read but not change", async () => {
      const refused = await call(POST, {
        method: "POST",
        headers: { cookie: viewer },
        params: { connectionId },
        body: { groupName: "Blocked hosts", type: "Host", host: "192.0.2.250" },
      });
      expect(refused.status).toBe(403);
    });
  },
);
