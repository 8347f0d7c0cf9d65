import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KIWIRE_ERRORS } from "./errors";
import { kiwireApiKey, kiwireLoginCode } from "./signing";
import { type RunningKiwireSimulator, startKiwireSimulator } from "./simulator";
import { compactTime, dashedTime, kiwireClient, post, rows } from "./test-client";

const SMALL = { users: 20, vouchers: 40, nas: 3, devices: 2 } as const;

describe("Kiwire simulator: login and request signing", () => {
  let sim: RunningKiwireSimulator;
  let client: ReturnType<typeof kiwireClient>;

  beforeAll(async () => {
    sim = await startKiwireSimulator(SMALL);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    // Each test starts from the documented behaviour, whatever the previous one switched.
    Object.assign(sim.config, {
      timeFormat: "either",
      maxClockSkewSeconds: 300,
      signing: "md5",
      timeZone: "UTC",
    });
    Object.assign(sim.config, { tokenLifetimeSeconds: 1200 });
    sim.clock.offsetMs = 0;
    client = kiwireClient(sim);
    await client.login();
  });

  it("logs in with md5(username|password) and cloud_id, returning an md5-shaped token", async () => {
    const before = sim.stats.logins;
    const body = await client.login();
    expect(body.status).toBe("success");
    expect(body.token).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(body).sort()).toEqual(["status", "token"]);
    expect(sim.stats.logins).toBe(before + 1);
  });

  it("accepts the document's own vector as the demo credentials", async () => {
    expect(sim.credentials).toEqual({
      username: "hakim",
      password: "admin",
      apiKey: expect.any(String),
      cloudId: expect.any(String),
    });
    const body = await post(sim.baseUrl, "/admin/agent/api_login.php", {
      code: "404ad50c254f12a606ae68d0338e86a9",
      cloud_id: sim.credentials.cloudId,
    });
    expect(body.status).toBe("success");
  });

  it("refuses a wrong code, a missing or unknown cloud_id, with the table's strings", async () => {
    expect(await client.login({ code: kiwireLoginCode("hakim", "wrong") })).toEqual({
      status: "failed",
      error: KIWIRE_ERRORS.notValidUser,
    });
    expect(await client.login({ code: "404AD50C254F12A606AE68D0338E86A9" })).toMatchObject({
      error: "not valid user",
    });
    expect(await client.login({ cloud_id: "" })).toEqual({
      status: "failed",
      error: "no tenant / cloud id provided",
    });
    expect(await client.login({ cloud_id: "NOPE" })).toEqual({
      status: "failed",
      error: "cloud id not found",
    });
  });

  it("accepts a correctly signed call (YmdHis in the appliance zone)", async () => {
    const body = await client.call("profile/get");
    expect(body.is_success).toBe(true);
    expect(rows(body).map((p) => p["profile-name"])).toContain("wx_temp");
  });

  it("accepts the dashed time spelling by default and refuses it in strict YmdHis mode (D1)", async () => {
    const dashed = dashedTime(sim.clock.now());
    expect((await client.call("profile/get", {}, { time: dashed })).is_success).toBe(true);
    sim.config.timeFormat = "YmdHis";
    expect(await client.call("profile/get", {}, { time: dashed })).toEqual({ error: "invalid api key" });
    expect((await client.call("profile/get")).is_success).toBe(true);
    sim.config.timeFormat = "Y-m-d H:i:s";
    expect(await client.call("profile/get")).toEqual({ error: "invalid api key" });
  });

  it("refuses a wrong api_key: wrong real key, upper-case hex, raw key in md5 mode", async () => {
    expect(await client.call("profile/get", {}, { apiKey: "not-the-key" })).toEqual({
      error: "invalid api key",
    });
    const time = compactTime(sim.clock.now());
    const upper = kiwireApiKey(sim.account.apiKey, client.token, time).toUpperCase();
    expect(await client.call("profile/get", {}, { time, rawApiKey: upper })).toEqual({
      error: "invalid api key",
    });
    expect(await client.call("profile/get", {}, { rawApiKey: sim.account.apiKey })).toEqual({
      error: "invalid api key",
    });
  });

  it("refuses a hash signed over a different time than the one sent", async () => {
    const now = sim.clock.now();
    const signed = kiwireApiKey(sim.account.apiKey, client.token, compactTime(now - 1000));
    expect(await client.call("profile/get", {}, { time: compactTime(now), rawApiKey: signed })).toEqual({
      error: "invalid api key",
    });
  });

  it("refuses a stale or future time beyond the skew window, accepts one inside it", async () => {
    const now = sim.clock.now();
    expect(await client.call("profile/get", {}, { time: compactTime(now - 301_000) })).toEqual({
      error: "invalid api key",
    });
    // Well beyond: whole seconds and the request's own travel (long on a loaded machine) bring a future time closer.
    expect(await client.call("profile/get", {}, { time: compactTime(now + 310_000) })).toEqual({
      error: "invalid api key",
    });
    expect((await client.call("profile/get", {}, { time: compactTime(now - 290_000) })).is_success).toBe(
      true,
    );
    sim.config.maxClockSkewSeconds = null;
    expect((await client.call("profile/get", {}, { time: "20170608000000" })).is_success).toBe(true);
    expect(await client.call("profile/get", {}, { time: "not-a-time" })).toEqual({
      error: "invalid api key",
    });
  });

  it("judges the signed time against its own clock, not the caller's", async () => {
    sim.clock.offsetMs = 3_600_000;
    await client.login();
    const realNow = Date.now();
    expect(await client.call("profile/get", {}, { time: compactTime(realNow) })).toEqual({
      error: "invalid api key",
    });
    expect(
      (await client.call("profile/get", {}, { time: compactTime(realNow + 3_600_000) })).is_success,
    ).toBe(true);
  });

  it("expects the time in the appliance's zone, not UTC", async () => {
    sim.config.timeZone = "Asia/Kuala_Lumpur";
    expect(await client.call("profile/get")).toEqual({ error: "invalid api key" });
    expect((await client.call("profile/get", {}, { offsetHours: 8 })).is_success).toBe(true);
    const signed = sim.sign(client.token);
    expect(signed.time).toBe(compactTime(sim.clock.now(), 8));
  });

  it("refuses an unknown token as an expired login", async () => {
    const fake = "0123456789abcdef0123456789abcdef";
    expect(await client.call("profile/get", {}, { token: fake })).toEqual({
      error: "login expired. please complete the api login again",
    });
  });

  it("refuses missing token or api_key with 'permission denied' and a missing cloud_id with its own string", async () => {
    expect(await client.call("profile/get", {}, { omit: ["token"] })).toEqual({ error: "permission denied" });
    expect(await client.call("profile/get", {}, { omit: ["api_key"] })).toEqual({
      error: "permission denied",
    });
    expect(await client.call("profile/get", {}, { omit: ["cloud_id"] })).toEqual({
      error: "no tenant / cloud id provided",
    });
    expect(await client.call("profile/get", {}, { omit: ["time"] })).toEqual({ error: "invalid api key" });
  });

  it("refuses a wrong cloud_id with 'cloud id not found'", async () => {
    expect(await client.call("profile/get", {}, { cloudId: "OTHER" })).toEqual({
      error: "cloud id not found",
    });
  });

  it("refuses unknown modules and methods with 'module not existed'", async () => {
    for (const path of [
      "ticket/get",
      "User/get",
      "user/update",
      "user/list",
      "login/get",
      "user/constructor",
    ]) {
      expect(await client.call(path), path).toEqual({ error: "module not existed" });
    }
    expect(await client.call("__proto__/get")).toEqual({ error: "module not existed" });
  });

  it("refuses incomplete or overlong paths with 'please provide full url'", async () => {
    for (const path of ["", "user", "user/", "user//x", "user/get/a/b"]) {
      expect(await client.call(path), path).toEqual({ error: "please provide full url" });
    }
    expect(await client.call("user/delete")).toEqual({ error: "please provide full url" });
  });

  it("accepts paths with and without trailing slash or value (D7)", async () => {
    expect((await client.call("profile/get/")).is_success).toBe(true);
    expect(rows(await client.call("profile/get/wx_temp"))).toHaveLength(1);
    expect(rows(await client.call("profile/get/wx_temp/"))).toHaveLength(1);
  });

  it("answers 404 outside the API and keeps every refusal at HTTP 200 (D12)", async () => {
    const missing = await fetch(`${sim.baseUrl}/admin/index.php`);
    expect(missing.status).toBe(404);
    await missing.text();
    const refused = await fetch(`${sim.baseUrl}/apiv2/user/get`, { method: "POST" });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ error: "no tenant / cloud id provided" });
  });

  it("expires tokens 20 minutes after login, absolutely (D6)", async () => {
    // The caller signs with a synced clock, so only the token age differs.
    sim.clock.offsetMs = 19 * 60_000;
    expect((await client.call("profile/get")).is_success).toBe(true);
    sim.clock.offsetMs = 20 * 60_000 + 1000;
    expect(await client.call("profile/get")).toEqual({
      error: "login expired. please complete the api login again",
    });
    await client.login();
    expect((await client.call("profile/get")).is_success).toBe(true);
  });

  it("expires every token at once on demand, and honours a shortened lifetime", async () => {
    const other = kiwireClient(sim);
    await other.login();
    expect(sim.activeTokenCount()).toBeGreaterThanOrEqual(2);
    sim.expireAllTokens();
    expect(sim.activeTokenCount()).toBe(0);
    for (const c of [client, other]) {
      const body = await c.call("profile/get");
      expect(String(body.error).startsWith("login expired")).toBe(true);
    }
    await client.login();
    sim.config.tokenLifetimeSeconds = 60;
    sim.clock.offsetMs = 61_000;
    expect(await client.call("profile/get")).toEqual({ error: KIWIRE_ERRORS.loginExpired });
  });

  it("accepts K7's raw-key calls only in raw or either signing mode (D5)", async () => {
    const raw = { rawApiKey: sim.account.apiKey, omit: ["time"] } as const;
    expect(await client.call("profile/get", {}, raw)).toEqual({ error: "invalid api key" });
    sim.config.signing = "raw";
    expect((await client.call("profile/get", {}, raw)).is_success).toBe(true);
    expect(await client.call("profile/get")).toEqual({ error: "invalid api key" });
    sim.config.signing = "either";
    expect((await client.call("profile/get", {}, raw)).is_success).toBe(true);
    expect((await client.call("profile/get")).is_success).toBe(true);
  });

  it("reads multipart (the PHP sample's curl), JSON and query-string parameters (D8)", async () => {
    const time = compactTime(sim.clock.now());
    const fields = {
      token: client.token,
      time,
      api_key: kiwireApiKey(sim.account.apiKey, client.token, time),
      cloud_id: sim.credentials.cloudId,
    };
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const multipart = await fetch(`${sim.baseUrl}/apiv2/nas/get`, { method: "POST", body: form });
    expect(rows((await multipart.json()) as Record<string, unknown>)).toHaveLength(3);
    const json = await fetch(`${sim.baseUrl}/apiv2/nas/get`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...fields, limit: 1 }),
    });
    expect(rows((await json.json()) as Record<string, unknown>)).toHaveLength(1);
    const query = await fetch(
      `${sim.baseUrl}/apiv2/nas/get?${new URLSearchParams({ ...fields, limit: "2" })}`,
    );
    expect(rows((await query.json()) as Record<string, unknown>)).toHaveLength(2);
  });
});
