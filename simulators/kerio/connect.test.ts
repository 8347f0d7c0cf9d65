import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningKerioConnectSimulator, startKerioConnectSimulator } from "./simulator";
import { KerioTestClient } from "./testing-client";

interface Domain {
  id: string;
  name: string;
  isPrimary: boolean;
}

interface User {
  id: string;
  domainId: string;
  loginName: string;
  fullName: string;
  description: string;
  isEnabled: boolean;
  consumedSize: { value: number; units: string };
}

interface UserList {
  list: User[];
  totalItems: number;
}

interface ItemErrors {
  errors: Array<{
    inputIndex: number;
    code: number;
    message: string;
    messageParameters: { positionalParameters: string[]; plurality: number };
  }>;
}

describe("Kerio Connect simulator", () => {
  let sim: RunningKerioConnectSimulator;
  let client: KerioTestClient;
  let primary: Domain;
  let secondary: Domain;

  const users = (query: Record<string, unknown>, domainId = primary.id) =>
    client.result<UserList>("Users.get", { query, domainId });
  const allUsers = async (domainId = primary.id) => (await users({ limit: -1 }, domainId)).list;

  beforeAll(async () => {
    sim = await startKerioConnectSimulator({
      domains: 2,
      usersPerDomain: 40,
      seed: 5,
      licenseUserLimit: 1000,
    });
    client = new KerioTestClient(sim.apiUrl);
    await client.login(sim.credentials.username, sim.credentials.password);
    const domains = await client.result<{ list: Domain[]; totalItems: number }>("Domains.get", { query: {} });
    expect(domains.totalItems).toBe(2);
    [primary, secondary] = domains.list as [Domain, Domain];
  });
  afterAll(async () => {
    await sim.close();
  });

  it("lists domains with keriodb ids, the first one primary, and seeds a few hundred users by default", async () => {
    expect(primary).toMatchObject({ name: "example.com", isPrimary: true });
    expect(primary.id).toMatch(/^keriodb:\/\/domain\/[0-9a-f-]{36}$/);
    expect(secondary.isPrimary).toBe(false);
    const demo = await startKerioConnectSimulator();
    try {
      expect(demo.store.domains).toHaveLength(3);
      expect(demo.store.users.size).toBe(300);
    } finally {
      await demo.close();
    }
  });

  it("lists users per domain with paging and totalItems", async () => {
    const all = await allUsers();
    expect(all).toHaveLength(40);
    expect(all.every((user) => user.domainId === primary.id)).toBe(true);
    expect(all[0]?.id).toMatch(new RegExp(`^keriodb://user/${primary.id.slice(17)}/[0-9a-f-]{36}$`));
    expect(all[0]).not.toHaveProperty("password");
    const page = await users({ start: 10, limit: 5 });
    expect(page.totalItems).toBe(40);
    expect(page.list.map((user) => user.id)).toEqual(all.slice(10, 15).map((user) => user.id));
    const other = await allUsers(secondary.id);
    expect(other.some((user) => all.some((mine) => mine.id === user.id))).toBe(false);
  });

  it("sorts by loginName both ways and by consumedSize", async () => {
    const desc = await users({ orderBy: [{ columnName: "loginName", direction: "Desc" }] });
    const names = desc.list.map((user) => user.loginName);
    expect(names).toEqual(
      [...names].sort((a, b) => b.localeCompare(a, "en", { numeric: true, sensitivity: "base" })),
    );
    const bySize = await users({ orderBy: [{ columnName: "consumedSize", direction: "Asc" }] });
    const sizes = bySize.list.map((user) => user.consumedSize.value);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it("implements QUICKSEARCH as the IDL describes: Like/Eq match any column, NotEq all", async () => {
    const all = await allUsers();
    const target = all[3] as User;
    const surname = target.fullName.split(" ")[1] ?? "";
    const like = await users({
      conditions: [{ fieldName: "QUICKSEARCH", comparator: "Like", value: surname.toLowerCase() }],
    });
    const expected = all.filter((user) =>
      [user.loginName, user.fullName, user.description].some((value) =>
        value.toLowerCase().includes(surname.toLowerCase()),
      ),
    );
    expect(like.list.map((user) => user.id)).toEqual(expected.map((user) => user.id));
    const eq = await users({
      conditions: [{ fieldName: "QUICKSEARCH", comparator: "Eq", value: target.loginName }],
    });
    expect(eq.list.map((user) => user.id)).toEqual([target.id]);
    const notEq = await users({
      conditions: [{ fieldName: "QUICKSEARCH", comparator: "NotEq", value: target.loginName }],
    });
    expect(notEq.totalItems).toBe(39);
    const disabled = await users({
      conditions: [{ fieldName: "isEnabled", comparator: "Eq", value: "false" }],
    });
    expect(disabled.list.every((user) => !user.isEnabled)).toBe(true);
    expect(disabled.totalItems).toBe(all.filter((user) => !user.isEnabled).length);
    expect(
      await client.error("Users.get", {
        query: { conditions: [{ fieldName: "QUICKSEARCH", comparator: "LessThan", value: "a" }] },
        domainId: primary.id,
      }),
    ).toMatchObject({ code: -32602 });
    // Connect knows only the IDL comparators, not Operator's "=".
    expect(
      await client.error("Users.get", {
        query: { conditions: [{ fieldName: "loginName", comparator: "=", value: "a" }] },
        domainId: primary.id,
      }),
    ).toMatchObject({ code: -32602 });
  });

  it("needs a known domainId on Users.get", async () => {
    expect(await client.error("Users.get", { query: {} })).toMatchObject({ code: -32602 });
    const unknown = await client.error("Users.get", { query: {}, domainId: "keriodb://domain/nope" });
    expect(unknown).toMatchObject({ code: 1002, message: "Domain %1 does not exist." });
    expect(unknown.data.messageParameters.positionalParameters).toEqual(["keriodb://domain/nope"]);
  });

  it("creates users (S20's request) with per-item errors for duplicates, bad names and missing passwords", async () => {
    const existing = (await allUsers())[0] as User;
    const answer = await client.result<ItemErrors & { result: Array<{ inputIndex: number; id: string }> }>(
      "Users.create",
      {
        users: [
          {
            domainId: primary.id,
            loginName: "test.user",
            fullName: "Test User",
            password: "test1234",
            isEnabled: true,
          },
          {
            domainId: primary.id,
            loginName: existing.loginName.toUpperCase(),
            password: "x1",
            isEnabled: true,
          },
          { domainId: primary.id, loginName: "bad name!", password: "x1" },
          { domainId: primary.id, loginName: "no.password" },
          { domainId: "keriodb://domain/missing", loginName: "lost", password: "x1" },
          {
            domainId: secondary.id,
            loginName: "test.user",
            fullName: "Same login, other domain",
            password: "pw",
          },
        ],
      },
    );
    expect(answer.result.map((item) => item.inputIndex)).toEqual([0, 5]);
    expect(answer.result[0]?.id).toMatch(/^keriodb:\/\/user\//);
    expect(answer.errors.map((error) => [error.inputIndex, error.code, error.message])).toEqual([
      [1, 1001, "User %1 already exists."],
      [2, 1000, "The login name %1 is not valid."],
      [3, 1000, "The password of user %1 must not be empty."],
      [4, 1002, "Domain %1 does not exist."],
    ]);
    expect(answer.errors[0]?.messageParameters).toEqual({
      positionalParameters: [`${existing.loginName.toUpperCase()}@example.com`],
      plurality: 1,
    });
    const created = await users({
      conditions: [{ fieldName: "loginName", comparator: "Eq", value: "test.user" }],
    });
    expect(created.list).toEqual([
      expect.objectContaining({ id: answer.result[0]?.id, fullName: "Test User", isEnabled: true }),
    ]);
    expect(
      await client.error("Users.create", { users: [{ domainId: primary.id, loginName: 5 }] }),
    ).toMatchObject({
      code: -32602,
    });
  });

  it("updates users with Users.set: disable, rename, per-item errors", async () => {
    const [a, b] = await allUsers();
    const answer = await client.result<ItemErrors>("Users.set", {
      userIds: [a?.id, "keriodb://user/x/y"],
      pattern: { isEnabled: false, description: "Left the company" },
    });
    expect(answer.errors).toEqual([
      {
        inputIndex: 1,
        code: 1002,
        message: "User %1 does not exist.",
        messageParameters: { positionalParameters: ["keriodb://user/x/y"], plurality: 1 },
      },
    ]);
    const after = (await allUsers()).find((user) => user.id === a?.id);
    expect(after).toMatchObject({ isEnabled: false, description: "Left the company" });
    const clash = await client.result<ItemErrors>("Users.set", {
      userIds: [a?.id],
      pattern: { loginName: b?.loginName },
    });
    expect(clash.errors).toEqual([expect.objectContaining({ inputIndex: 0, code: 1001 })]);
    expect(
      await client.result("Users.set", { userIds: [a?.id], pattern: { loginName: "renamed.user" } }),
    ).toEqual({
      errors: [],
    });
    expect((await allUsers()).find((user) => user.id === a?.id)?.loginName).toBe("renamed.user");
  });

  it("removes users with each removal method and reports unknown users per item", async () => {
    const [a, b, c, target] = await allUsers(secondary.id);
    const targetBytes = sim.store.users.get(target?.id ?? "")?.consumedBytes ?? 0;
    const movedBytes = sim.store.users.get(c?.id ?? "")?.consumedBytes ?? 0;
    const answer = await client.result<ItemErrors>("Users.remove", {
      requests: [
        { userId: a?.id, method: "UDeleteUser", removeReferences: false, targetUserId: "" },
        {
          userId: b?.id,
          method: "UDeleteFolder",
          removeReferences: true,
          targetUserId: "",
          mode: "DSModeDelete",
        },
        { userId: c?.id, method: "UMoveFolder", removeReferences: false, targetUserId: target?.id },
        { userId: "keriodb://user/gone", method: "UDeleteFolder", removeReferences: false, targetUserId: "" },
        { userId: target?.id, method: "UMoveFolder", removeReferences: false, targetUserId: target?.id },
      ],
    });
    expect(answer.errors.map((error) => [error.inputIndex, error.code])).toEqual([
      [3, 1002],
      [4, 1000],
    ]);
    const left = (await allUsers(secondary.id)).map((user) => user.id);
    for (const removed of [a, b, c]) expect(left).not.toContain(removed?.id);
    expect(left).toContain(target?.id);
    expect(sim.store.users.get(target?.id ?? "")?.consumedBytes).toBe(targetBytes + movedBytes);
    expect(
      sim.store.removals.map((removal) => [removal.userId, removal.method, removal.targetUserId]),
    ).toEqual([
      [a?.id, "UDeleteUser", ""],
      [b?.id, "UDeleteFolder", ""],
      [c?.id, "UMoveFolder", target?.id],
    ]);
    expect(
      await client.error("Users.remove", { requests: [{ userId: target?.id, method: "UDeleteEverything" }] }),
    ).toMatchObject({ code: -32602 });
  });

  it("enforces the licence user limit per item (1003) and counts enabled users only", async () => {
    const limited = await startKerioConnectSimulator({ domains: 1, usersPerDomain: 10, seed: 9 });
    try {
      const admin = new KerioTestClient(limited.apiUrl);
      await admin.login(limited.credentials.username, limited.credentials.password);
      const domainId = limited.store.primaryDomain().id;
      const active = limited.store.activeUserCount();
      limited.store.licenseUserLimit = active + 1;
      const info = await admin.result<{
        countInfo: { currentUsers: number; allowedUsers: { limit: number } };
      }>("Domains.getUserCountInfo", { domainId });
      expect(info.countInfo).toMatchObject({ currentUsers: active, allowedUsers: { limit: active + 1 } });
      const answer = await admin.result<ItemErrors & { result: Array<{ inputIndex: number }> }>(
        "Users.create",
        {
          users: [
            { domainId, loginName: "first.new", password: "pw1", isEnabled: true },
            { domainId, loginName: "second.new", password: "pw2", isEnabled: true },
            { domainId, loginName: "parked.new", password: "pw3", isEnabled: false },
          ],
        },
      );
      expect(answer.result.map((item) => item.inputIndex)).toEqual([0, 2]);
      expect(answer.errors).toEqual([
        {
          inputIndex: 1,
          code: 1003,
          message: "User count license exceeded.",
          messageParameters: { positionalParameters: [], plurality: 1 },
        },
      ]);
      const parked = [...limited.store.users.values()].find((user) => user.loginName === "parked.new");
      const enable = await admin.result<ItemErrors>("Users.set", {
        userIds: [parked?.id],
        pattern: { isEnabled: true },
      });
      expect(enable.errors).toEqual([expect.objectContaining({ code: 1003 })]);
      // Disabling someone frees a seat.
      const someone = [...limited.store.users.values()].find(
        (user) => user.isEnabled && user.id !== parked?.id,
      );
      await admin.result("Users.set", { userIds: [someone?.id], pattern: { isEnabled: false } });
      expect(
        await admin.result("Users.set", { userIds: [parked?.id], pattern: { isEnabled: true } }),
      ).toEqual({
        errors: [],
      });
    } finally {
      await limited.close();
    }
  });
});
