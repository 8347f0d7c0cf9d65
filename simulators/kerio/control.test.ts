import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningKerioControlSimulator, startKerioControlSimulator } from "./simulator";
import { KerioTestClient } from "./testing-client";

interface Entry {
  id: string;
  groupId: string;
  groupName: string;
  description: string;
  type: string;
  enabled: boolean;
  status: string;
  host: string;
  addr1: string;
  addr2: string;
  childGroupId: string;
  childGroupName: string;
}

interface ItemErrors {
  errors: Array<{ inputIndex: number; code: number; message: string; messageParameters: unknown }>;
}

type TimestampList = Array<{ name: string; timestamp: number }>;

const CUT_OFF = "You will be cut off from remote administration!";

describe("Kerio Control simulator", () => {
  let sim: RunningKerioControlSimulator;
  let client: KerioTestClient;

  const entries = async () =>
    (await client.result<{ list: Entry[]; totalItems: number }>("IpAddressGroups.get", { query: {} })).list;
  const timestamps = async () =>
    (await client.result<{ clientTimestampList: TimestampList }>("Session.getConfigTimestamp"))
      .clientTimestampList;
  const loopback = async () => (await entries()).find((entry) => entry.host === "127.0.0.1") as Entry;
  /** Moves the simulator's clock past the confirmation deadline without waiting. */
  const letConfirmationLapse = () => {
    sim.clock.offsetMs += 5_000;
  };

  beforeEach(async () => {
    sim = await startKerioControlSimulator({ ipAddressEntries: 25, confirmTimeoutMs: 2_000, seed: 4 });
    client = new KerioTestClient(sim.apiUrl);
    await client.login(sim.credentials.username, sim.credentials.password);
  });
  afterEach(async () => {
    await sim.close();
  });

  it("lists entries of every type with clean status, and the groups sorted by name", async () => {
    const list = await entries();
    expect(list.length).toBeGreaterThanOrEqual(20);
    expect(new Set(list.map((entry) => entry.type))).toEqual(
      new Set(["Host", "Network", "Range", "IpPrefix", "ChildGroup", "ThisMachine"]),
    );
    expect(list.every((entry) => entry.status === "StoreStatusClean")).toBe(true);
    const child = list.find((entry) => entry.type === "ChildGroup");
    expect(child?.childGroupName).toBe("Admin workstations");
    const { groups } = await client.result<{ groups: Array<{ id: string; name: string }> }>(
      "IpAddressGroups.getGroupList",
    );
    const names = groups.map((group) => group.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toContain("Remote administration");
    const hosts = await client.result<{ list: Entry[]; totalItems: number }>("IpAddressGroups.get", {
      query: {
        conditions: [{ fieldName: "type", comparator: "Eq", value: "Host" }],
        orderBy: [{ columnName: "host", direction: "Asc" }],
        limit: 3,
      },
    });
    expect(hosts.list).toHaveLength(3);
    expect(hosts.totalItems).toBe(list.filter((entry) => entry.type === "Host").length);
  });

  it("keeps create/set/remove pending until apply, and reset discards them", async () => {
    const before = await entries();
    const created = await client.result<ItemErrors & { result: Array<{ inputIndex: number; id: string }> }>(
      "IpAddressGroups.create",
      {
        groups: [
          {
            groupId: "",
            groupName: "Blocked",
            host: "1.2.3.4",
            type: "Host",
            description: "test",
            enabled: true,
          },
        ],
      },
    );
    expect(created.errors).toEqual([]);
    const id = created.result[0]?.id ?? "";
    const [victim, changed] = before.filter((entry) => entry.groupName === "Blocked hosts");
    await client.result("IpAddressGroups.remove", { groupIds: [victim?.id] });
    await client.result("IpAddressGroups.set", {
      groupIds: [changed?.id],
      details: { description: "edited" },
    });
    const pending = await entries();
    expect(pending.find((entry) => entry.id === id)?.status).toBe("StoreStatusNew");
    expect(pending.find((entry) => entry.id === changed?.id)?.status).toBe("StoreStatusModified");
    expect(pending.some((entry) => entry.id === victim?.id)).toBe(false);
    // Nothing was written to the configuration yet.
    expect(sim.store.committed.some((entry) => entry.id === id)).toBe(false);
    expect(await client.result("IpAddressGroups.reset")).toEqual({});
    expect(await entries()).toEqual(before);
    expect(sim.lastApply().status).toBe("none");
  });

  it("applies and is confirmed through getConfigTimestamp + confirmConfig", async () => {
    expect(await timestamps()).toEqual([]);
    await client.result("IpAddressGroups.create", {
      groups: [
        { groupId: "", groupName: "Blocked", host: "1.2.3.4", type: "Host", description: "", enabled: true },
      ],
    });
    expect(await client.result("IpAddressGroups.apply")).toEqual({ errors: [] });
    expect(sim.lastApply().status).toBe("pending");
    const list = await timestamps();
    expect(list).toHaveLength(1);
    expect(await client.result("Session.confirmConfig", { clientTimestampList: list })).toEqual({
      confirmed: true,
    });
    expect(sim.lastApply()).toMatchObject({ status: "confirmed", applies: 1 });
    letConfirmationLapse();
    expect(sim.lastApply().status).toBe("confirmed");
    expect((await entries()).find((entry) => entry.host === "1.2.3.4")?.status).toBe("StoreStatusClean");
    // Cut-off prevention is over: nothing left to confirm.
    expect(await timestamps()).toEqual([]);
    expect(await client.result("Session.confirmConfig", { clientTimestampList: list })).toEqual({
      confirmed: false,
    });
  });

  it("reverts an apply that is not confirmed in time", async () => {
    const before = await entries();
    await client.result("IpAddressGroups.create", {
      groups: [
        { groupId: "", groupName: "Blocked", host: "5.6.7.8", type: "Host", description: "", enabled: true },
      ],
    });
    await client.result("IpAddressGroups.apply");
    const list = await timestamps();
    letConfirmationLapse();
    expect(await client.result("Session.confirmConfig", { clientTimestampList: list })).toEqual({
      confirmed: false,
    });
    expect(sim.lastApply()).toMatchObject({ status: "reverted", applies: 1 });
    expect(await entries()).toEqual(before);
    expect(await timestamps()).toEqual([]);
  });

  it("refuses a confirmation with a wrong timestamp, and an apply without changes arms nothing", async () => {
    await client.result("IpAddressGroups.apply");
    expect(sim.lastApply().status).toBe("none");
    expect(await timestamps()).toEqual([]);
    await client.result("IpAddressGroups.set", {
      groupIds: [(await entries())[3]?.id],
      details: { enabled: false },
    });
    await client.result("IpAddressGroups.apply");
    const [stamp] = await timestamps();
    expect(
      await client.result("Session.confirmConfig", {
        clientTimestampList: [{ name: stamp?.name, timestamp: (stamp?.timestamp ?? 0) - 1 }],
      }),
    ).toEqual({ confirmed: false });
    expect(sim.lastApply().status).toBe("pending");
    expect(await client.error("Session.confirmConfig", { clientTimestampList: [{ name: 1 }] })).toMatchObject(
      {
        code: -32602,
      },
    );
  });

  it("runs the §8.6 sync sequence, confirming with Batch.run as S25 does", async () => {
    const blocked = (await entries()).find((entry) => entry.groupName === "Blocked hosts") as Entry;
    expect(await client.result("IpAddressGroups.validateRemove", { groupIds: [blocked.id] })).toEqual({
      errors: [],
    });
    expect(await client.result("IpAddressGroups.remove", { groupIds: [blocked.id] })).toEqual({ errors: [] });
    const batch = await client.result<Array<{ result: { clientTimestampList?: TimestampList } }>>(
      "Batch.run",
      {
        commandList: [{ method: "IpAddressGroups.apply" }, { method: "Session.getConfigTimestamp" }],
      },
    );
    expect(batch[0]?.result).toEqual({ errors: [] });
    expect(await client.result("Session.confirmConfig", batch[1]?.result)).toEqual({ confirmed: true });
    await client.result("IpAddressGroups.create", {
      groups: [{ groupId: blocked.groupId, host: "9.9.9.9", type: "Host", description: "", enabled: true }],
    });
    await client.result("IpAddressGroups.apply");
    expect(await client.result("Session.confirmConfig", { clientTimestampList: await timestamps() })).toEqual(
      {
        confirmed: true,
      },
    );
    const after = await entries();
    expect(after.some((entry) => entry.id === blocked.id)).toBe(false);
    expect(after.find((entry) => entry.host === "9.9.9.9")).toMatchObject({ groupName: "Blocked hosts" });
    expect(await client.result("Session.logout")).toEqual({});
  });

  it("warns on validateRemove / validateSet when the change would cut the admin off", async () => {
    const mine = await loopback();
    const other = (await entries()).find(
      (entry) => entry.groupName === "Remote administration" && entry.type === "Range",
    );
    const warned = await client.result<ItemErrors>("IpAddressGroups.validateRemove", {
      groupIds: [other?.id, mine.id],
    });
    expect(warned.errors).toEqual([
      {
        inputIndex: 1,
        code: 1000,
        message: CUT_OFF,
        messageParameters: { positionalParameters: [], plurality: 1 },
      },
    ]);
    expect(await client.result("IpAddressGroups.validateRemove", { groupIds: [other?.id] })).toEqual({
      errors: [],
    });
    const disable = await client.result<ItemErrors>("IpAddressGroups.validateSet", {
      groupIds: [mine.id],
      details: { enabled: false },
    });
    expect(disable.errors).toEqual([expect.objectContaining({ inputIndex: 0, message: CUT_OFF })]);
    const retarget = await client.result<ItemErrors>("IpAddressGroups.validateSet", {
      groupIds: [mine.id],
      details: { type: "Network", addr1: "127.0.0.0", addr2: "255.0.0.0" },
    });
    expect(retarget.errors).toEqual([]);
    // Validation changed nothing.
    expect((await entries()).every((entry) => entry.status === "StoreStatusClean")).toBe(true);
  });

  it("locks out an admin who applies a cut-off change anyway, until the change reverts", async () => {
    const mine = await loopback();
    await client.result("IpAddressGroups.remove", { groupIds: [mine.id] });
    expect(await client.result("IpAddressGroups.apply")).toEqual({ errors: [] });
    // The configuration no longer admits 127.0.0.1: the connection is closed, nothing can confirm.
    await expect(client.call("Session.getConfigTimestamp")).rejects.toThrow();
    expect(sim.lastApply().status).toBe("pending");
    letConfirmationLapse();
    expect(sim.lastApply().status).toBe("reverted");
    expect((await loopback()).id).toBe(mine.id);
  });

  it("never locks anyone out when the remote-admin restriction is off", async () => {
    const open = await startKerioControlSimulator({ ipAddressEntries: 15, restrictRemoteAdmin: false });
    try {
      const admin = new KerioTestClient(open.apiUrl);
      await admin.login(open.credentials.username, open.credentials.password);
      const list = (await admin.result<{ list: Entry[] }>("IpAddressGroups.get", { query: {} })).list;
      const ids = list.map((entry) => entry.id);
      expect(await admin.result("IpAddressGroups.validateRemove", { groupIds: ids })).toEqual({ errors: [] });
      await admin.result("IpAddressGroups.remove", { groupIds: ids });
      await admin.result("IpAddressGroups.apply");
      expect(await admin.result("IpAddressGroups.get", { query: {} })).toEqual({ list: [], totalItems: 0 });
    } finally {
      await open.close();
    }
  });

  it("checks each created or changed entry and answers item errors", async () => {
    const list = await entries();
    const blocked = list.find((entry) => entry.groupName === "Blocked hosts") as Entry;
    const admin = list.find((entry) => entry.groupName === "Remote administration") as Entry;
    const workstations = list.find((entry) => entry.groupName === "Admin workstations") as Entry;
    const answer = await client.result<ItemErrors & { result: Array<{ inputIndex: number }> }>(
      "IpAddressGroups.create",
      {
        groups: [
          { groupId: blocked.groupId, type: "Host", host: blocked.host },
          { groupId: "", groupName: "", type: "Host", host: "1.1.1.1" },
          { groupId: "999", type: "Host", host: "1.1.1.1" },
          { groupId: "", groupName: "Nets", type: "Network", addr1: "10.0.0.0", addr2: "255.0.255.0" },
          { groupId: "", groupName: "Nets", type: "Range", addr1: "10.0.0.9", addr2: "10.0.0.1" },
          { groupId: workstations.groupId, type: "ChildGroup", childGroupId: admin.groupId },
          { groupId: "", groupName: "Nets", type: "IpPrefix", host: "10.0.0.0/33" },
          { groupId: "", groupName: "Nets", type: "Network", addr1: "10.0.0.0", addr2: "255.0.0.0" },
        ],
      },
    );
    expect(answer.errors.map((error) => [error.inputIndex, error.code, error.message])).toEqual([
      [0, 1001, "This address group already exists!"],
      [1, 1000, "The name of a new address group must not be empty."],
      [2, 1002, "Address group %1 does not exist."],
      [3, 1000, "The address %1 is not valid."],
      [4, 1000, "The range %1 - %2 is not valid."],
      [5, 1000, "The address group %1 cannot contain itself."],
      [6, 1000, "The address %1 is not valid."],
    ]);
    expect(answer.errors[4]?.messageParameters).toEqual({
      positionalParameters: ["10.0.0.9", "10.0.0.1"],
      plurality: 1,
    });
    expect(answer.result.map((item) => item.inputIndex)).toEqual([7]);
    const missing = await client.result<ItemErrors>("IpAddressGroups.remove", {
      groupIds: ["nope", blocked.groupId],
    });
    // Group ids are not entry ids (S18's lesson): both are unknown here.
    expect(missing.errors.map((error) => [error.inputIndex, error.code])).toEqual([
      [0, 1002],
      [1, 1002],
    ]);
  });

  it("type-checks params: a missing type, a value without its type, an unknown type", async () => {
    const id = (await entries())[0]?.id;
    expect(
      await client.error("IpAddressGroups.create", { groups: [{ groupName: "X", host: "1.1.1.1" }] }),
    ).toMatchObject({
      code: -32602,
    });
    expect(
      await client.error("IpAddressGroups.set", { groupIds: [id], details: { host: "1.1.1.1" } }),
    ).toMatchObject({
      code: -32602,
    });
    expect(
      await client.error("IpAddressGroups.set", {
        groupIds: [id],
        details: { type: "Network", addr1: "10.0.0.0" },
      }),
    ).toMatchObject({ code: -32602 });
    expect(
      await client.error("IpAddressGroups.create", {
        groups: [{ groupName: "X", type: "Subnet", host: "1.1.1.1" }],
      }),
    ).toMatchObject({ code: -32602 });
    expect(await client.error("IpAddressGroups.get", {})).toMatchObject({ code: -32602 });
  });

  it("serves time ranges read-only", async () => {
    const ranges = await client.result<{
      list: Array<{ type: string; groupName: string }>;
      totalItems: number;
    }>("TimeRanges.get", { query: { orderBy: [{ columnName: "groupName", direction: "Asc" }] } });
    expect(ranges.totalItems).toBe(5);
    expect(new Set(ranges.list.map((range) => range.type))).toEqual(
      new Set(["TimeRangeDaily", "TimeRangeWeekly", "TimeRangeAbsolute", "TimeRangeChildGroup"]),
    );
    const { groups } = await client.result<{ groups: Array<{ name: string }> }>("TimeRanges.getGroupList");
    expect(groups.map((group) => group.name)).toEqual(ranges.list.map((range) => range.groupName));
    expect(await client.error("TimeRanges.create", { ranges: [] })).toMatchObject({ code: -32601 });
  });
});
