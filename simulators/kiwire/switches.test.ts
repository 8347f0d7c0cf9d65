import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KIWIRE_DEFAULT_CONFIG, type RunningKiwireSimulator, startKiwireSimulator } from "./simulator";
import { dashedTime, kiwireClient, rows } from "./test-client";

/** The switches for what the documents leave open (README "Switches"), each seen on the wire. */
describe("Kiwire simulator: switches for what the documents leave open", () => {
  let sim: RunningKiwireSimulator;
  let client: ReturnType<typeof kiwireClient>;

  beforeAll(async () => {
    sim = await startKiwireSimulator({ users: 60, vouchers: 70, nas: 3, devices: 1 });
    client = kiwireClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    Object.assign(sim.config, KIWIRE_DEFAULT_CONFIG);
    await client.login();
  });

  it("takes only the YmdHis time by default, as the document's 'must be in this format' says", async () => {
    const dashed = dashedTime(sim.clock.now());
    expect(await client.call("profile/get", {}, { time: dashed })).toEqual({ error: "invalid api key" });
    sim.config.timeFormat = "either";
    expect(rows(await client.call("profile/get", {}, { time: dashed })).length).toBeGreaterThan(0);
  });

  it("answers voucher/create with records, bare codes or no ret_data", async () => {
    const created = rows(await client.call("voucher/create", { prefix: "R", qty: "3" }));
    expect(created.map((v) => v.username)).toEqual([...sim.store.vouchers.keys()].slice(-3));
    sim.config.voucherCreateData = "codes";
    const codes = await client.call("voucher/create", { prefix: "C", qty: "2" });
    expect(codes).toEqual({
      is_success: true,
      result_msg: "voucher created",
      ret_data: [...sim.store.vouchers.keys()].slice(-2),
    });
    sim.config.voucherCreateData = "none";
    const before = sim.store.vouchers.size;
    expect(await client.call("voucher/create", { prefix: "N", qty: "4" })).toEqual({
      is_success: true,
      result_msg: "voucher created",
    });
    expect(sim.store.vouchers.size).toBe(before + 4);
  });

  it("caps limit silently: a page shorter than asked although rows remain", async () => {
    sim.config.maxListLimit = 7;
    expect(rows(await client.call("user/get", { limit: "50" }))).toHaveLength(7);
    const rest = rows(await client.call("user/get", { start: "56", limit: "50" }));
    expect(rest).toHaveLength(4);
    expect(rows(await client.call("login/history", { limit: "50" }))).toHaveLength(7);
    expect(rows(await client.call("profile/get", { limit: "50" }))).toHaveLength(7);
  });

  it("forgets every token on restart and answers it as forgottenToken says", async () => {
    sim.restart();
    expect(await client.call("profile/get")).toEqual({
      error: "login expired. please complete the api login again",
    });
    sim.config.forgottenToken = "permission-denied";
    expect(await client.call("profile/get")).toEqual({ error: "permission denied" });
    await client.login();
    expect(rows(await client.call("profile/get")).length).toBeGreaterThan(0);
  });

  it("takes user/create status in the configured spelling only, and makes the account active without one", async () => {
    const create = (username: string, status?: string) =>
      client.call("user/create", {
        username,
        password: "pw",
        profile: "wx_temp",
        ...(status === undefined ? {} : { status }),
      });
    const spellings = { documented: ["active", "suspend"], v2: ["act", "sus"], yn: ["y", "n"] } as const;
    for (const [vocabulary, [active, suspend]] of Object.entries(spellings)) {
      sim.config.userCreateStatus = vocabulary as keyof typeof spellings;
      expect((await create(`${vocabulary}.a`, active)).result_msg).toBe("user created");
      expect((await create(`${vocabulary}.s`, suspend)).result_msg).toBe("user created");
      expect(sim.store.users.get(`${vocabulary}.s`)?.status).toBe("sus");
      const foreign = vocabulary === "v2" ? "active" : "act";
      expect(await create(`${vocabulary}.x`, foreign)).toEqual({ error: "invalid parameter: status" });
      expect((await create(`${vocabulary}.none`)).result_msg).toBe("user created");
      expect(sim.store.users.get(`${vocabulary}.none`)?.status).toBe("act");
    }
    sim.config.userCreateStatus = "any";
    expect((await create("any.y", "y")).result_msg).toBe("user created");
  });

  it("leaves the zone column out of NAS rows on demand", async () => {
    expect(rows(await client.call("nas/get"))[0]).toHaveProperty("zone");
    sim.config.nasZoneColumn = false;
    expect(rows(await client.call("nas/get"))[0]).not.toHaveProperty("zone");
  });

  it("adds a total of the listed rows or of the whole kiwire_user table", async () => {
    expect(await client.call("voucher/get", { limit: "1" })).not.toHaveProperty("total");
    sim.config.listTotal = "rows";
    expect((await client.call("voucher/get", { limit: "1" })).total).toBe(sim.store.vouchers.size);
    sim.config.listTotal = "table";
    expect((await client.call("user/get", { limit: "1" })).total).toBe(
      sim.store.vouchers.size + sim.store.users.size,
    );
  });

  it("answers refusals with HTTP 200 by default, or with a status by cause", async () => {
    const status = async (path: string) =>
      (
        await fetch(`${sim.baseUrl}${path}`, {
          method: "POST",
          body: new URLSearchParams({ cloud_id: sim.credentials.cloudId, token: "x", api_key: "y" }),
        })
      ).status;
    expect(await status("/apiv2/user/get")).toBe(200);
    sim.config.refusalStatus = "by-cause";
    expect(await status("/apiv2/user/get")).toBe(401);
    expect(await status("/apiv2/user")).toBe(400);
    expect(await status("/admin/agent/api_login.php")).toBe(401);
  });

  it("answers a single get as an object, and a miss as an error, on demand", async () => {
    const [name] = [...sim.store.users.keys()];
    sim.config.singleGet = "object";
    expect((await client.call(`user/get/${name}`)).ret_data).toMatchObject({ username: name });
    sim.config.getMiss = "error";
    expect(await client.call("user/get/nobody.here")).toEqual({ error: "user not found" });
  });
});
