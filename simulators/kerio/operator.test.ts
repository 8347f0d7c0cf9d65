import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectoryEntry, ExtensionRow } from "./operator-store";
import { formatKerioMessage } from "./rpc-errors";
import { type RunningKerioOperatorSimulator, startKerioOperatorSimulator } from "./simulator";
import { KerioTestClient } from "./testing-client";

interface ExtensionList {
  sipExtensionList: ExtensionRow[];
  totalItems: number;
}

interface CreateAnswer {
  result: { id: { guidGroup: number; guidLine: number } };
}

describe("Kerio Operator simulator", () => {
  let sim: RunningKerioOperatorSimulator;
  let client: KerioTestClient;

  const list = (query: Record<string, unknown>) => client.result<ExtensionList>("Extensions.get", { query });
  const all = async () => (await list({ start: 0, limit: -1 })).sipExtensionList;
  const directory = async () =>
    (await client.result<{ numberList: DirectoryEntry[] }>("Server.getInternalDirectoryList", { query: {} }))
      .numberList;
  const nextNumber = async () =>
    (await client.result<{ extensionNumber: string }>("Extensions.getNextValidNumber")).extensionNumber;

  beforeAll(async () => {
    sim = await startKerioOperatorSimulator({ extensions: 150, users: 60, seed: 11 });
    client = new KerioTestClient(sim.apiUrl);
    await client.login(sim.credentials.username, sim.credentials.password);
  });
  afterAll(async () => {
    await sim.close();
  });

  describe("seeded data", () => {
    it("seeds 2,000 extension numbers by default, deterministically from the seed", async () => {
      const [first, second] = await Promise.all([
        startKerioOperatorSimulator(),
        startKerioOperatorSimulator(),
      ]);
      try {
        const numbers = new Set([...first.store.extensions.values()].map((extension) => extension.telNum));
        expect(numbers.size).toBe(2000);
        expect(first.store.rows()).toEqual(second.store.rows());
        expect(first.store.users.length).toBe(1500);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it("lists single lines, multi-registration groups with their lines, registered and unregistered", async () => {
      const rows = await all();
      const singles = rows.filter((row) => row.lineType === 0);
      const groups = rows.filter((row) => row.lineType === 2);
      const lines = rows.filter((row) => row.lineType === 1);
      expect(singles.length).toBeGreaterThan(100);
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        // S11 tells a group by its missing sipUsername; its lines point at it with parentId.
        expect(group).not.toHaveProperty("sipUsername");
        const own = lines.filter((line) => line.parentId === group.guid);
        expect(own.length).toBeGreaterThanOrEqual(2);
        for (const line of own) expect(line.telNum).toBe(group.telNum);
      }
      const registered = [...singles, ...lines].map((row) => row.sipStatus?.registered);
      expect(registered).toContain(1);
      expect(registered).toContain(0);
      expect(singles.every((row) => row.parentId === undefined)).toBe(true);
      expect(rows.some((row) => row.userGuid === null && row.USERNAME === "")).toBe(true);
      expect(rows.some((row) => row.userGuid !== null && row.FULL_NAME !== "")).toBe(true);
    });

    it("keeps conferences, queues and other dial-plan numbers in the directory", async () => {
      const entries = await directory();
      expect(entries.filter((entry) => entry.EXTENSION_TYPE_ID !== 1).length).toBeGreaterThan(3);
      const onlyLines = await client.result<{ numberList: DirectoryEntry[]; totalItems: number }>(
        "Server.getInternalDirectoryList",
        { query: { orderBy: [{ columnName: "TEL_NUM", direction: "Asc" }] }, onlyExtensions: true },
      );
      expect(onlyLines.numberList.every((entry) => entry.EXTENSION_TYPE_ID === 1)).toBe(true);
      expect(onlyLines.totalItems).toBe(150);
    });
  });

  describe("Extensions.get query", () => {
    it("pages with start/limit and counts totalItems before paging", async () => {
      const rows = await all();
      const page = await list({ start: 20, limit: 15 });
      expect(page.totalItems).toBe(rows.length);
      expect(page.sipExtensionList.map((row) => row.guid)).toEqual(rows.slice(20, 35).map((row) => row.guid));
      const beyond = await list({ start: rows.length + 5, limit: 10 });
      expect(beyond).toEqual({ sipExtensionList: [], totalItems: rows.length });
      expect((await list({})).sipExtensionList).toHaveLength(rows.length);
    });

    it("sorts by telNum (camelCase or UPPER_SNAKE), FULL_NAME and several keys", async () => {
      const rows = await all();
      const desc = await list({ orderBy: [{ columnName: "telNum", direction: "Desc" }] });
      const numbers = desc.sipExtensionList.map((row) => Number(row.telNum));
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      const upper = await list({ orderBy: [{ columnName: "TEL_NUM", direction: "Desc" }] });
      expect(upper.sipExtensionList.map((row) => row.guid)).toEqual(
        desc.sipExtensionList.map((row) => row.guid),
      );
      const byName = await list({
        orderBy: [
          { columnName: "FULL_NAME", direction: "Asc" },
          { columnName: "telNum", direction: "Desc" },
        ],
      });
      const expected = [...rows].sort(
        (a, b) =>
          a.FULL_NAME.toLowerCase().localeCompare(b.FULL_NAME.toLowerCase()) ||
          Number(b.telNum) - Number(a.telNum),
      );
      expect(byName.sipExtensionList.map((row) => `${row.FULL_NAME}|${row.telNum}`)).toEqual(
        expected.map((row) => `${row.FULL_NAME}|${row.telNum}`),
      );
    });

    it("filters with the §8.5 SEARCH query (comparator '=' as the admin UI's search box)", async () => {
      const rows = await all();
      const answer = await client.result<ExtensionList>("Extensions.get", {
        query: { combining: "And", conditions: [{ comparator: "=", fieldName: "SEARCH", value: "104" }] },
      });
      const expected = rows.filter((row) =>
        [row.telNum, row.sipUsername ?? "", row.description, row.FULL_NAME].some((value) =>
          value.toLowerCase().includes("104"),
        ),
      );
      expect(answer.totalItems).toBe(expected.length);
      expect(answer.sipExtensionList.map((row) => row.guid)).toEqual(expected.map((row) => row.guid));
      expect(answer.sipExtensionList.some((row) => row.telNum === "1040")).toBe(true);
      for (const row of answer.sipExtensionList) {
        expect(row).toHaveProperty("telNum");
        expect(row).toHaveProperty("guid");
        expect(row).toHaveProperty("USERNAME");
      }
    });

    it("supports QUICKSEARCH Like, Eq on a column, And/Or combining, NotEq and numeric comparisons", async () => {
      const rows = await all();
      const owner = rows.find((row) => row.FULL_NAME !== "");
      const lastName = owner?.FULL_NAME.split(" ")[1] ?? "";
      const quick = await list({
        conditions: [{ fieldName: "QUICKSEARCH", comparator: "Like", value: lastName.toUpperCase() }],
      });
      expect(quick.totalItems).toBe(
        rows.filter((row) =>
          [row.telNum, row.sipUsername ?? "", row.description, row.FULL_NAME].some((value) =>
            value.toLowerCase().includes(lastName.toLowerCase()),
          ),
        ).length,
      );
      const [a, b] = rows.filter((row) => row.lineType === 0);
      const either = await list({
        combining: "Or",
        conditions: [
          { fieldName: "telNum", comparator: "Eq", value: a?.telNum },
          { fieldName: "telNum", comparator: "Eq", value: b?.telNum },
        ],
      });
      expect(either.sipExtensionList.map((row) => row.guid)).toEqual([a?.guid, b?.guid]);
      const both = await list({
        combining: "And",
        conditions: [
          { fieldName: "telNum", comparator: "Eq", value: a?.telNum },
          { fieldName: "telNum", comparator: "Eq", value: b?.telNum },
        ],
      });
      expect(both.totalItems).toBe(0);
      const low = await list({
        conditions: [{ fieldName: "telNum", comparator: "LessThan", value: "1010" }],
      });
      expect(low.totalItems).toBe(rows.filter((row) => Number(row.telNum) < 1010).length);
      const groupsOnly = await list({
        conditions: [{ fieldName: "lineType", comparator: "Eq", value: "2" }],
      });
      expect(groupsOnly.sipExtensionList.every((row) => row.lineType === 2)).toBe(true);
      const notGroups = await list({
        conditions: [{ fieldName: "lineType", comparator: "NotEq", value: "2" }],
      });
      expect(notGroups.totalItems + groupsOnly.totalItems).toBe(rows.length);
      const wildcard = await list({
        conditions: [{ fieldName: "telNum", comparator: "Like", value: "10%5" }],
      });
      expect(wildcard.sipExtensionList.every((row) => /10.*5/.test(row.telNum))).toBe(true);
      expect(wildcard.totalItems).toBeGreaterThan(0);
    });

    it("returns only the requested fields", async () => {
      const answer = await list({ fields: ["guid", "telNum", "NOT_A_FIELD"], limit: 3 });
      expect(answer.sipExtensionList).toHaveLength(3);
      for (const row of answer.sipExtensionList) expect(Object.keys(row).sort()).toEqual(["guid", "telNum"]);
    });

    it("refuses malformed queries with -32602", async () => {
      const bad = [
        undefined,
        { orderBy: [{ columnName: "noSuchColumn", direction: "Asc" }] },
        { orderBy: [{ columnName: "telNum", direction: "Up" }] },
        { conditions: [{ fieldName: "telNum", comparator: "Contains", value: "1" }] },
        { conditions: [{ fieldName: "noSuchColumn", comparator: "Eq", value: "1" }] },
        { conditions: [{ fieldName: "telNum", comparator: "Eq", value: 1000 }] },
        { conditions: null },
        { combining: "Xor" },
        { start: -1 },
        { limit: -2 },
        { limit: 2.5 },
      ];
      for (const query of bad) {
        expect(await client.error("Extensions.get", query === undefined ? {} : { query })).toMatchObject({
          code: -32602,
          message: "Invalid params.",
        });
      }
    });
  });

  describe("Extensions.create", () => {
    it("creates the §8.4 detail (S12's keys) and answers result.result.id.{guidGroup,guidLine}", async () => {
      const telNum = await nextNumber();
      const answer = await client.result<CreateAnswer>("Extensions.create", {
        detail: {
          telNum,
          sipUsername: telNum,
          sipPassword: "Ab3dEf6hIj9kLm2n",
          description: "",
          callPermission: 1,
          userGuid: null,
          dtmfMode: 0,
          faxDetect: false,
          faxDetectType: 0,
          natSupport: false,
          recordInbound: false,
          recordOutbound: false,
          secured: false,
        },
      });
      const { guidGroup, guidLine } = answer.result.id;
      expect(guidLine).toBe(guidGroup + 1);
      const found = await list({ conditions: [{ fieldName: "telNum", comparator: "Eq", value: telNum }] });
      expect(found.sipExtensionList).toEqual([
        expect.objectContaining({
          guid: guidGroup,
          telNum,
          lineType: 0,
          sipUsername: telNum,
          sipStatus: { registered: 0 },
        }),
      ]);
      expect(await client.result("Extensions.getSipPassword", { guid: guidLine })).toEqual({
        password: "Ab3dEf6hIj9kLm2n",
      });
      expect(await client.result("Extensions.getSipPassword", { guid: guidGroup })).toEqual({
        password: "Ab3dEf6hIj9kLm2n",
      });
    });

    it('refuses a duplicate number with call-level 1001 "Already exists." and the number as parameter', async () => {
      const [existing] = await all();
      const answer = await client.call("Extensions.create", { detail: { telNum: existing?.telNum } });
      expect(answer.body.error).toEqual({
        code: 1001,
        message: "Already exists.",
        data: { messageParameters: { positionalParameters: [existing?.telNum], plurality: 1 } },
      });
    });

    it("refuses a number used by a conference, queue or other dial-plan entry", async () => {
      const special = (await directory()).find((entry) => entry.EXTENSION_TYPE_ID !== 1);
      expect(special).toBeDefined();
      expect(await client.error("Extensions.create", { detail: { telNum: special?.TEL_NUM } })).toMatchObject(
        {
          code: 1001,
        },
      );
    });

    it("refuses bad values with %1 messages and their positionalParameters", async () => {
      const invalid = await client.error("Extensions.create", { detail: { telNum: "12a" } });
      expect(invalid).toMatchObject({ code: 1000, message: "The extension number %1 is not valid." });
      expect(invalid.data.messageParameters.positionalParameters).toEqual(["12a"]);
      const owner = await client.error("Extensions.create", { detail: { telNum: "5999", userGuid: 424242 } });
      expect(owner).toMatchObject({ code: 1002, message: "User %1 does not exist." });
      expect(formatKerioMessage(owner.message, owner.data.messageParameters.positionalParameters)).toBe(
        "User 424242 does not exist.",
      );
      const taken = (await all()).find((row) => row.sipUsername !== undefined)?.sipUsername ?? "";
      const sip = await client.error("Extensions.create", { detail: { telNum: "5998", sipUsername: taken } });
      expect(sip).toMatchObject({ code: 1001, message: "SIP username %1 is already used." });
      expect(sip.data.messageParameters.positionalParameters).toEqual([taken]);
      // Type errors and a missing detail are -32602; none of these calls created anything.
      expect(await client.error("Extensions.create", {})).toMatchObject({ code: -32602 });
      expect(await client.error("Extensions.create", { detail: {} })).toMatchObject({ code: -32602 });
      expect(
        await client.error("Extensions.create", { detail: { telNum: "5997", callPermission: 9 } }),
      ).toMatchObject({
        code: -32602,
      });
      expect(
        await client.error("Extensions.create", { detail: { telNum: "5997", faxDetect: "no" } }),
      ).toMatchObject({
        code: -32602,
      });
      const numbers = (await all()).map((row) => row.telNum);
      for (const telNum of ["5999", "5998", "5997"]) expect(numbers).not.toContain(telNum);
    });

    it("assigns an owner who then lists the extension in Users.get", async () => {
      const users = await client.result<{
        userList: Array<{ GUID: number; USERNAME: string }>;
        totalItems: number;
      }>("Users.get", {
        query: { start: 0, limit: -1, orderBy: [{ columnName: "USERNAME", direction: "Asc" }] },
      });
      expect(users.totalItems).toBe(60);
      const names = users.userList.map((user) => user.USERNAME);
      expect(names).toEqual(
        [...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })),
      );
      const owner = users.userList[5];
      const telNum = await nextNumber();
      const created = await client.result<CreateAnswer>("Extensions.create", {
        detail: { telNum, userGuid: owner?.GUID, description: "desk" },
      });
      const after = await client.result<{
        userList: Array<{ GUID: number; EXTENSIONS: Array<{ GUID: number; TEL_NUM: string }> }>;
      }>("Users.get", {
        query: { conditions: [{ fieldName: "GUID", comparator: "Eq", value: String(owner?.GUID) }] },
      });
      expect(after.userList[0]?.EXTENSIONS).toContainEqual(
        expect.objectContaining({ GUID: created.result.id.guidGroup, TEL_NUM: telNum }),
      );
      const row = (await list({ conditions: [{ fieldName: "telNum", comparator: "Eq", value: telNum }] }))
        .sipExtensionList[0];
      expect(row).toMatchObject({ userGuid: owner?.GUID, USERNAME: owner?.USERNAME });
    });
  });

  describe("Extensions.getNextValidNumber", () => {
    it("answers the lowest number not used anywhere in the dial plan, and moves on once it is taken", async () => {
      const used = new Set((await directory()).map((entry) => entry.TEL_NUM));
      let expected = 1000;
      while (used.has(String(expected))) expected += 1;
      const first = await nextNumber();
      expect(first).toBe(String(expected));
      await client.result("Extensions.create", { detail: { telNum: first } });
      const second = await nextNumber();
      expect(Number(second)).toBeGreaterThan(Number(first));
      expect(used.has(second)).toBe(false);
    });
  });

  describe("Extensions.set", () => {
    it("updates known guids and reports unknown ones as item errors with %1", async () => {
      const [a, b] = (await all()).filter((row) => row.lineType === 0);
      const answer = await client.result<{ errors: unknown[] }>("Extensions.set", {
        guids: [a?.guid, 999_999_999, b?.guid],
        detail: { description: "Changed by test", callPermission: 3 },
      });
      expect(answer.errors).toEqual([
        {
          inputIndex: 1,
          code: 1002,
          message: "Extension %1 does not exist.",
          messageParameters: { positionalParameters: ["999999999"], plurality: 1 },
        },
      ]);
      const changed = await list({
        conditions: [{ fieldName: "description", comparator: "Eq", value: "changed by TEST" }],
      });
      expect(changed.sipExtensionList.map((row) => row.guid).sort()).toEqual([a?.guid, b?.guid].sort());
      expect(changed.sipExtensionList.every((row) => row.callPermission === 3)).toBe(true);
    });

    it("sets a line's SIP user name by line guid (S11's call) and refuses it on a group guid", async () => {
      const rows = await all();
      const line = rows.find((row) => row.lineType === 1);
      const group = rows.find((row) => row.guid === line?.parentId);
      const renamed = `${line?.telNum}rc555`;
      expect(
        await client.result("Extensions.set", { guids: [line?.guid], detail: { sipUsername: renamed } }),
      ).toEqual({ errors: [] });
      expect((await all()).find((row) => row.guid === line?.guid)?.sipUsername).toBe(renamed);
      const onGroup = await client.result<{ errors: Array<{ code: number; messageParameters: unknown }> }>(
        "Extensions.set",
        { guids: [group?.guid], detail: { sipPassword: "x" } },
      );
      expect(onGroup.errors).toEqual([
        expect.objectContaining({
          inputIndex: 0,
          code: 1000,
          messageParameters: { positionalParameters: [group?.telNum], plurality: 1 },
        }),
      ]);
    });

    it("refuses a number change onto a used number per item, and applies the others", async () => {
      const [a, b, c] = (await all()).filter((row) => row.lineType === 0);
      const free = await nextNumber();
      const answer = await client.result<{ errors: Array<{ inputIndex: number; code: number }> }>(
        "Extensions.set",
        {
          guids: [a?.guid],
          detail: { telNum: b?.telNum },
        },
      );
      expect(answer.errors).toEqual([
        expect.objectContaining({ inputIndex: 0, code: 1001, message: "Already exists." }),
      ]);
      const moved = await client.result<{ errors: Array<{ inputIndex: number; code: number }> }>(
        "Extensions.set",
        {
          guids: [c?.guid, a?.guid],
          detail: { telNum: free },
        },
      );
      // The first takes the free number; the second would duplicate it.
      expect(moved.errors).toEqual([expect.objectContaining({ inputIndex: 1, code: 1001 })]);
      expect((await all()).find((row) => row.guid === c?.guid)?.telNum).toBe(free);
      expect(await client.error("Extensions.set", { guid: a?.guid, detail: {} })).toMatchObject({
        code: -32602,
      });
      expect(await client.error("Extensions.set", { guids: [String(a?.guid)], detail: {} })).toMatchObject({
        code: -32602,
      });
    });
  });

  describe("lines and Extensions.remove", () => {
    it("adds a registration with createLine, turning a single line into a group", async () => {
      const single = (await all()).find((row) => row.lineType === 0);
      const answer = await client.result<CreateAnswer>("Extensions.createLine", {
        guid: single?.guid,
        detail: {},
      });
      expect(answer.result.id.guidGroup).toBe(single?.guid);
      const rows = (await all()).filter((row) => row.telNum === single?.telNum);
      expect(rows.map((row) => row.lineType)).toEqual([2, 1, 1]);
      expect(rows.filter((row) => row.lineType === 1).map((row) => row.parentId)).toEqual([
        single?.guid,
        single?.guid,
      ]);
      expect(rows.map((row) => row.guid)).toContain(answer.result.id.guidLine);
      expect(await client.error("Extensions.createLine", { guid: 1, detail: {} })).toMatchObject({
        code: 1002,
      });
    });

    it("removes extensions and single registrations, with item errors for unknown guids", async () => {
      const rows = await all();
      const single = rows.find((row) => row.lineType === 0);
      const line = rows.find((row) => row.lineType === 1);
      const answer = await client.result<{ errors: unknown[] }>("Extensions.remove", {
        guids: [single?.guid, 123, line?.guid],
      });
      expect(answer.errors).toEqual([
        {
          inputIndex: 1,
          code: 1002,
          message: "Extension %1 does not exist.",
          messageParameters: { positionalParameters: ["123"], plurality: 1 },
        },
      ]);
      const after = await all();
      expect(after.some((row) => row.guid === single?.guid)).toBe(false);
      expect(after.some((row) => row.guid === line?.guid)).toBe(false);
      // The group of the removed line is still there.
      expect(after.some((row) => row.guid === line?.parentId && row.lineType === 2)).toBe(true);
      // Removing the same guid again is now an item error.
      const again = await client.result<{ errors: Array<{ inputIndex: number }> }>("Extensions.remove", {
        guids: [single?.guid],
      });
      expect(again.errors).toEqual([expect.objectContaining({ inputIndex: 0, code: 1002 })]);
    });

    it("frees the number of a removed extension for getNextValidNumber", async () => {
      const rows = await all();
      // Rows of lineType 0 and 2 carry the extension's own guid; removing it removes every registration.
      const lowest = rows
        .filter((row) => row.lineType !== 1)
        .sort((a, b) => Number(a.telNum) - Number(b.telNum))[0];
      expect(await client.result("Extensions.remove", { guids: [lowest?.guid] })).toEqual({ errors: [] });
      expect((await all()).some((row) => row.telNum === lowest?.telNum)).toBe(false);
      const used = new Set((await directory()).map((entry) => entry.TEL_NUM));
      let expected = 1000;
      while (used.has(String(expected))) expected += 1;
      expect(await nextNumber()).toBe(String(expected));
    });
  });
});
