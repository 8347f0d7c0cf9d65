import { describe, expect, it } from "vitest";
import { localize } from "@/lib/i18n/api-messages/localize";
import { ApplyStepError, ControlAddressGroups } from "./control-address-groups";
import type { KerioRpcClient } from "./rpc";

/** A scripted Control that records the order of calls and answers after a tick, so calls could interleave. */
function fakeControl(
  answers: Partial<Record<string, (params: Record<string, unknown> | undefined) => unknown>>,
) {
  const log: string[] = [];
  const listed: Array<Record<string, unknown>> = [
    { id: "1", groupName: "Y", type: "Host", host: "192.0.2.1" },
  ];
  let nextId = 2;
  const rpc = {
    call: async (method: string, params?: Record<string, unknown>) => {
      log.push(method);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const answer = answers[method];
      if (answer) return answer(params);
      if (method === "IpAddressGroups.create") {
        const [entry] = (params?.groups ?? []) as Array<Record<string, unknown>>;
        const id = String(nextId++);
        listed.push({ ...entry, id });
        return { errors: [], result: [{ inputIndex: 0, id }] };
      }
      if (method === "IpAddressGroups.get") return { list: listed, totalItems: listed.length };
      if (method === "Session.getConfigTimestamp")
        return { clientTimestampList: [{ name: "config", timestamp: 7 }] };
      if (method === "Session.confirmConfig") return { confirmed: true };
      return { errors: [] };
    },
  };
  return { rpc: rpc as unknown as KerioRpcClient, log };
}

const SEQUENCE = [
  "IpAddressGroups.create",
  "IpAddressGroups.apply",
  "Session.getConfigTimestamp",
  "Session.confirmConfig",
  "IpAddressGroups.get",
];

describe("ControlAddressGroups list", () => {
  it("lists the groups from their entries in one call when every entry names its group", async () => {
    const { rpc, log } = fakeControl({});
    const list = await new ControlAddressGroups(rpc, "fw-1").list();
    expect(list.groups.map((group) => [group.name, group.entries.length])).toEqual([["Y", 1]]);
    expect(log).toEqual(["IpAddressGroups.get"]);
  });

  it("asks for the group list only to name a group its entries leave unnamed", async () => {
    const { rpc, log } = fakeControl({
      "IpAddressGroups.get": () => ({
        list: [
          { id: "1", groupId: "g1", type: "Host", host: "192.0.2.1" },
          { id: "2", groupId: "g2", groupName: "Office", type: "Host", host: "192.0.2.2" },
        ],
        totalItems: 2,
      }),
      "IpAddressGroups.getGroupList": () => ({
        groups: [
          { id: "g1", name: "Blocked" },
          { id: "g2", name: "Office" },
        ],
      }),
    });
    const list = await new ControlAddressGroups(rpc, "fw-1").list();
    expect(list.groups.map((group) => [group.name, group.entries.map((entry) => entry.id)])).toEqual([
      ["Blocked", ["1"]],
      ["Office", ["2"]],
    ]);
    expect(log).toEqual(["IpAddressGroups.get", "IpAddressGroups.getGroupList"]);
  });
});

describe("ControlAddressGroups change sequence", () => {
  it("runs concurrent changes on one firewall one after the other, never interleaved", async () => {
    const { rpc, log } = fakeControl({});
    const a = new ControlAddressGroups(rpc, "fw-1");
    const b = new ControlAddressGroups(rpc, "fw-1");
    const results = await Promise.all([
      a.create({ groupName: "X", type: "Host", host: "192.0.2.1" }),
      b.create({ groupName: "X", type: "Host", host: "192.0.2.2" }),
    ]);
    expect(results.map((result) => String(result.apply.message))).toEqual([
      "Applied and confirmed.",
      "Applied and confirmed.",
    ]);
    expect(log).toEqual([...SEQUENCE, ...SEQUENCE]);
  });

  it("passes Kerio's timestamps back verbatim and names confirmConfig when Kerio answers confirmed: false", async () => {
    let confirmedWith: unknown;
    const { rpc, log } = fakeControl({
      "Session.confirmConfig": (params) => {
        confirmedWith = params;
        return { confirmed: false };
      },
    });
    const error = await new ControlAddressGroups(rpc)
      .create({ groupName: "X", type: "Host", host: "192.0.2.3" })
      .catch((caught: unknown) => caught);
    expect(confirmedWith).toEqual({ clientTimestampList: [{ name: "config", timestamp: 7 }] });
    expect(error).toBeInstanceOf(ApplyStepError);
    expect((error as ApplyStepError).step).toBe("confirmConfig");
    expect(log).not.toContain("IpAddressGroups.reset");
  });

  it("discards Kerio's cached change when apply fails, and says nothing was applied", async () => {
    const { rpc, log } = fakeControl({
      "IpAddressGroups.apply": () => ({ errors: [{ inputIndex: 0, code: 1000, message: "Disk full." }] }),
    });
    const error = await new ControlAddressGroups(rpc)
      .create({ groupName: "X", type: "Host", host: "192.0.2.4" })
      .catch((caught: unknown) => caught);
    expect((error as ApplyStepError).message).toBe(
      "Failed at IpAddressGroups.apply: Disk full. Nothing was applied; the console discarded Kerio's cached changes.",
    );
    // In Italian the console's words are translated around Kerio's own, which are quoted as they came.
    expect(localize((error as ApplyStepError).text, "it")).toBe(
      "Errore durante IpAddressGroups.apply: Disk full. Non è stato applicato nulla; la console ha scartato le modifiche in sospeso di Kerio.",
    );
    expect(log.slice(-2)).toEqual(["IpAddressGroups.apply", "IpAddressGroups.reset"]);
  });

  it("says no confirmation was needed when Kerio's timestamp list is empty", async () => {
    const { rpc, log } = fakeControl({ "Session.getConfigTimestamp": () => ({ clientTimestampList: [] }) });
    const result = await new ControlAddressGroups(rpc).applyAndConfirm();
    expect({ ...result, message: String(result.message) }).toEqual({
      status: "confirmed",
      message: "Applied; Kerio Control asked for no confirmation.",
      steps: ["apply", "getConfigTimestamp"],
    });
    expect(log).not.toContain("Session.confirmConfig");
  });
});
