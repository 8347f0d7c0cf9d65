import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KIWIRE_DEFAULT_CONFIG, type RunningKiwireSimulator, startKiwireSimulator } from "./simulator";
import { dashedTime, kiwireClient, rows } from "./test-client";

const DAY = 86_400_000;
// A fixed anchor so that dates in the seeded data are reproducible in assertions.
const ANCHOR = Date.UTC(2024, 0, 31, 9, 30, 5);
// The simulator's clock runs at the anchor too, or every seeded voucher would read as long expired.
const AT_ANCHOR = ANCHOR - Date.now();

describe("Kiwire simulator: modules", () => {
  let sim: RunningKiwireSimulator;
  let client: ReturnType<typeof kiwireClient>;

  beforeAll(async () => {
    sim = await startKiwireSimulator({
      users: 250,
      vouchers: 600,
      nas: 4,
      devices: 3,
      anchorMs: ANCHOR,
      clockOffsetMs: AT_ANCHOR,
    });
    client = kiwireClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    Object.assign(sim.config, KIWIRE_DEFAULT_CONFIG);
    sim.clock.offsetMs = AT_ANCHOR;
    await client.login();
  });

  describe("envelopes", () => {
    it("answers non-login modules with the general spelling and a boolean is_success (D2, D3)", async () => {
      const body = await client.call("user/get", { limit: "1" });
      expect(Object.keys(body).sort()).toEqual(["is_success", "result_msg", "ret_data"]);
      expect(body.is_success).toBe(true);
    });

    it("answers the login module with the example spelling and is_success 'true' (doc example, K7)", async () => {
      const body = await client.call("login/history", { limit: "1" });
      expect(Object.keys(body).sort()).toEqual(["is_success", "result_message", "return_data"]);
      expect(body.is_success).toBe("true");
    });

    it("forces one spelling and one is_success type everywhere on demand", async () => {
      sim.config.envelope = "result_message";
      expect(Object.keys(await client.call("nas/get")).sort()).toEqual([
        "is_success",
        "result_message",
        "return_data",
      ]);
      sim.config.envelope = "result_msg";
      sim.config.isSuccess = "boolean";
      const history = await client.call("login/history", { limit: "1" });
      expect(Object.keys(history).sort()).toEqual(["is_success", "result_msg", "ret_data"]);
      expect(history.is_success).toBe(true);
      sim.config.isSuccess = "string";
      expect((await client.call("nas/get")).is_success).toBe("true");
    });

    it("emits v2 status codes by default and v3 long forms on demand (D9)", async () => {
      const codes = new Set(rows(await client.call("voucher/get", { limit: "600" })).map((v) => v.status));
      expect([...codes].sort()).toEqual(["act", "exp", "sus"].filter((c) => codes.has(c)));
      expect(codes.has("act") && codes.has("exp")).toBe(true);
      sim.config.statusVocabulary = "v3";
      const long = new Set(rows(await client.call("voucher/get", { limit: "600" })).map((v) => v.status));
      expect([...long].every((s) => ["active", "expired", "suspend"].includes(String(s)))).toBe(true);
    });
  });

  describe("user", () => {
    it("lists with start/limit, default limit 200, in a stable order", async () => {
      expect(rows(await client.call("user/get"))).toHaveLength(200);
      const first = rows(await client.call("user/get", { start: "0", limit: "10" }));
      const second = rows(await client.call("user/get", { start: "10", limit: "10" }));
      const both = rows(await client.call("user/get", { start: "0", limit: "20" }));
      expect([...first, ...second].map((u) => u.username)).toEqual(both.map((u) => u.username));
      expect(rows(await client.call("user/get", { start: "245", limit: "10" }))).toHaveLength(5);
      expect(first.every((u) => u.prepaid === "n")).toBe(true);
    });

    it("returns v2 columns with dates in the appliance zone and no password", async () => {
      const [user] = rows(await client.call("user/get", { limit: "1" }));
      expect(user).toBeDefined();
      expect(Object.keys(user ?? {})).toEqual(
        expect.arrayContaining([
          "user_id",
          "username",
          "plan",
          "status",
          "createdate",
          "expiry",
          "allownas",
          "tag",
        ]),
      );
      expect(user?.password).toBeUndefined();
      expect(user?.createdate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      sim.config.includeSecrets = true;
      const [withSecret] = rows(await client.call("user/get", { limit: "1" }));
      expect(typeof withSecret?.password).toBe("string");
    });

    it("gets one user by value, and an empty array for an unknown one or a voucher code", async () => {
      const target = [...sim.store.users.keys()][7] ?? "";
      const found = rows(await client.call(`user/get/${encodeURIComponent(target)}`));
      expect(found.map((u) => u.username)).toEqual([target]);
      expect(rows(await client.call("user/get/no.such.user"))).toEqual([]);
      const voucher = [...sim.store.vouchers.keys()][0] ?? "";
      expect(rows(await client.call(`user/get/${voucher}`))).toEqual([]);
    });

    it("creates, reads back and deletes a user", async () => {
      const created = await client.call("user/create", {
        username: "guest.room101",
        password: "s3cret",
        fullname: "Room 101",
        email: "room101@example.com",
        profile: "1Day-5Mbps",
        status: "suspend",
        expiry: "2030-12-31",
        mac: "AA:BB:CC:DD:EE:01",
        allownas: "Lobby",
        remark: "VIP",
      });
      expect(created).toEqual({ is_success: true, result_msg: "user created", ret_data: [] });
      const [user] = rows(await client.call("user/get/guest.room101"));
      expect(user).toMatchObject({
        username: "guest.room101",
        plan: "1Day-5Mbps",
        price: "5.00",
        status: "sus",
        expiry: "2030-12-31 23:59:59",
        mac: "aa:bb:cc:dd:ee:01",
        allownas: "Lobby",
        who: "hakim",
        prepaid: "n",
      });
      expect(
        await client.call("user/create", { username: "guest.room101", password: "x", profile: "wx_temp" }),
      ).toEqual({ error: "user already existed" });
      expect(await client.call("user/delete/guest.room101")).toEqual({
        is_success: true,
        result_msg: "user deleted",
        ret_data: [],
      });
      expect(rows(await client.call("user/get/guest.room101"))).toEqual([]);
      expect(await client.call("user/delete/guest.room101")).toEqual({ error: "user not found" });
    });

    it("validates user/create parameters", async () => {
      const base = { username: "v.user", password: "pw", profile: "wx_temp" };
      const cases: Array<[Record<string, string>, string]> = [
        [{ ...base, username: "" }, "missing parameter: username"],
        [{ ...base, password: "" }, "missing parameter: password"],
        [{ ...base, profile: "" }, "missing parameter: profile"],
        [{ ...base, profile: "Gold" }, "profile not found"],
        [{ ...base, status: "maybe" }, "invalid parameter: status"],
        [{ ...base, expiry: "31/12/2030" }, "invalid parameter: expiry"],
        [{ ...base, mac: "not-a-mac" }, "invalid parameter: mac"],
        [{ ...base, allownas: "Mars" }, "zone not found"],
        [{ ...base, username: "has space" }, "invalid parameter: username"],
      ];
      for (const [params, error] of cases)
        expect(await client.call("user/create", params), error).toEqual({ error });
      const voucher = [...sim.store.vouchers.keys()][0] ?? "";
      expect(await client.call("user/create", { ...base, username: voucher })).toEqual({
        error: "user already existed",
      });
    });

    it("reports an active account past its expiry as expired", async () => {
      await client.call("user/create", {
        username: "short.stay",
        password: "pw",
        profile: "wx_temp",
        expiry: dashedTime(sim.clock.now() + 60_000),
      });
      expect(rows(await client.call("user/get/short.stay"))[0]?.status).toBe("act");
      sim.clock.offsetMs = AT_ANCHOR + 120_000;
      await client.login();
      expect(rows(await client.call("user/get/short.stay"))[0]?.status).toBe("exp");
      sim.clock.offsetMs = AT_ANCHOR;
    });
  });

  describe("voucher", () => {
    it("generates a 1,000-voucher batch and lists it", async () => {
      const body = await client.call("voucher/create", {
        prefix: "CONF",
        qty: "1000",
        plan: "Conference-1Day",
        nas: "Ballroom",
        expiry: "2030-06-30",
        remark: "Conference 2030",
      });
      expect(body.result_msg).toBe("voucher created");
      const created = rows(body);
      expect(created).toHaveLength(1000);
      const codes = new Set(created.map((v) => v.username));
      expect(codes.size).toBe(1000);
      expect([...codes].every((c) => /^CONF\d{6}$/.test(String(c)))).toBe(true);
      const tags = new Set(created.map((v) => v.tag));
      expect(tags.size).toBe(1);
      const tag = String([...tags][0]);
      expect(tag).toMatch(/^V\d{7}$/);
      expect(created[0]).toMatchObject({
        plan: "Conference-1Day",
        allownas: "Ballroom",
        expiry: "2030-06-30 23:59:59",
        remark: "Conference 2030",
        status: "act",
        prepaid: "y",
        actdate: null,
      });
      // The vendor list only pages: the new batch is at the end of the voucher list.
      const total = sim.store.vouchers.size;
      const tail = rows(await client.call("voucher/get", { start: String(total - 1000), limit: "1000" }));
      expect(new Set(tail.map((v) => v.username))).toEqual(codes);
      const one = [...codes][500] ?? "";
      expect(rows(await client.call(`voucher/get/${one}`))[0]?.tag).toBe(tag);
      // With the non-vendor filters on, the batch can be asked for by id.
      sim.config.listFilters = true;
      const filtered = await client.call("voucher/get", { batch: tag, limit: "2000" });
      expect(rows(filtered)).toHaveLength(1000);
      expect(filtered.total).toBe(1000);
    });

    it("refuses quantities outside 1..1000 and unknown plans or zones", async () => {
      for (const qty of ["0", "1001", "ten", "-5"]) {
        expect(await client.call("voucher/create", { qty }), qty).toEqual({
          error: "qty must be between 1 and 1000",
        });
      }
      expect(await client.call("voucher/create", { plan: "Gold" })).toEqual({ error: "profile not found" });
      expect(await client.call("voucher/create", { nas: "Mars" })).toEqual({ error: "zone not found" });
      expect(await client.call("voucher/create", { prefix: "bad prefix!" })).toEqual({
        error: "invalid parameter: prefix",
      });
    });

    it("applies the documented defaults: prefix V_, qty 10, plan wx_temp, expiry and remark tomorrow", async () => {
      const created = rows(await client.call("voucher/create"));
      expect(created).toHaveLength(10);
      const tomorrow = new Date(sim.clock.now() + DAY).toISOString().slice(0, 10);
      for (const v of created) {
        expect(v.username).toMatch(/^V_\d{6}$/);
        expect(v).toMatchObject({ plan: "wx_temp", expiry: `${tomorrow} 23:59:59`, remark: tomorrow });
      }
    });

    it("deletes a voucher by keeping it as expired (K2), or erasing it on demand", async () => {
      const [a, b] = rows(await client.call("voucher/create", { qty: "2" })).map((v) => String(v.username));
      expect(await client.call(`voucher/delete/${a}`)).toMatchObject({ result_msg: "voucher deleted" });
      expect(rows(await client.call(`voucher/get/${a}`))[0]?.status).toBe("exp");
      sim.config.voucherDelete = "erase";
      await client.call(`voucher/delete/${b}`);
      expect(rows(await client.call(`voucher/get/${b}`))).toEqual([]);
      expect(await client.call(`voucher/delete/${b}`)).toEqual({ error: "voucher not found" });
      expect(await client.call("voucher/delete")).toEqual({ error: "please provide full url" });
    });

    it("ignores filter parameters unless the list-filter extension is on", async () => {
      const plain = rows(await client.call("voucher/get", { status: "sus", limit: "50" }));
      expect(plain.some((v) => v.status !== "sus")).toBe(true);
      sim.config.listFilters = true;
      const suspended = await client.call("voucher/get", { status: "suspend", limit: "600" });
      expect(rows(suspended).every((v) => v.status === "sus")).toBe(true);
      const expected = [...sim.store.vouchers.values()].filter((v) => v.status === "sus").length;
      expect(suspended.total).toBe(expected);
      const byPlan = rows(
        await client.call("voucher/get", { profile: "1Day-5Mbps", sort: "createdate", order: "desc" }),
      );
      expect(byPlan.every((v) => v.plan === "1Day-5Mbps")).toBe(true);
      const dates = byPlan.map((v) => String(v.createdate));
      expect(dates).toEqual([...dates].sort().reverse());
      const created = rows(
        await client.call("voucher/get", {
          created_from: "2024-01-01",
          created_to: "2024-01-15",
          limit: "600",
        }),
      );
      expect(
        created.every(
          (v) => String(v.createdate) >= "2024-01-01" && String(v.createdate) <= "2024-01-15 23:59:59",
        ),
      ).toBe(true);
      expect(await client.call("voucher/get", { sort: "password" })).toEqual({
        error: "invalid parameter: sort",
      });
      expect(await client.call("user/get", { created_from: "yesterday" })).toEqual({
        error: "invalid parameter: created_from",
      });
      const search = rows(await client.call("user/get", { search: "TAN", limit: "250" }));
      expect(search.length).toBeGreaterThan(0);
      expect(search.every((u) => `${u.username}${u.fullname}${u.email}`.toLowerCase().includes("tan"))).toBe(
        true,
      );
    });
  });

  describe("login", () => {
    it("generates history lazily, per user, newest first", async () => {
      const fresh = await startKiwireSimulator({
        users: 30,
        vouchers: 30,
        nas: 2,
        devices: 0,
        anchorMs: ANCHOR,
      });
      try {
        expect(fresh.history.generatedCount()).toBe(0);
        const c = kiwireClient(fresh);
        await c.login();
        const user =
          [...fresh.store.users.keys()].find((u) => fresh.history.query({ username: u }).length > 1) ?? "";
        const body = await c.call(`login/history/${user}`);
        const sessions = rows(body);
        expect(sessions.length).toBeGreaterThan(1);
        expect(sessions.every((s) => s.username === user)).toBe(true);
        const starts = sessions.map((s) => String(s.acctstarttime));
        expect(starts).toEqual([...starts].sort().reverse());
        expect(Object.keys(sessions[0] ?? {})).toEqual(
          expect.arrayContaining([
            "radacctid",
            "acctstarttime",
            "acctstoptime",
            "callingstationid",
            "framedipaddress",
          ]),
        );
      } finally {
        await fresh.close();
      }
    });

    it("filters by start_time/end_time per user and across users, with start/limit (default 50)", async () => {
      const all = rows(await client.call("login/history", { limit: "100000" }));
      expect(all.length).toBeGreaterThan(50);
      expect(new Set(all.map((s) => s.username)).size).toBeGreaterThan(10);
      expect(rows(await client.call("login/history"))).toHaveLength(50);
      const window = { start_time: "2024-01-20 00:00:00", end_time: "2024-01-25 23:59:59" };
      const inWindow = rows(await client.call("login/history", { ...window, limit: "100000" }));
      const expected = all.filter(
        (s) => String(s.acctstarttime) >= window.start_time && String(s.acctstarttime) <= window.end_time,
      );
      expect(inWindow.map((s) => s.radacctid)).toEqual(expected.map((s) => s.radacctid));
      expect(inWindow.length).toBeGreaterThan(0);
      const someone = String(inWindow[0]?.username);
      const theirs = rows(await client.call(`login/history/${someone}`, window));
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.every((s) => s.username === someone)).toBe(true);
      const page = rows(await client.call("login/history", { ...window, start: "1", limit: "2" }));
      expect(page.map((s) => s.radacctid)).toEqual(inWindow.slice(1, 3).map((s) => s.radacctid));
      expect(await client.call("login/history", { start_time: "20/01/2024" })).toEqual({
        error: "invalid parameter: start_time",
      });
    });

    it("logs a device in with login/online: creates the user, opens a session, authorizes the device", async () => {
      const [device] = rows(await client.call("login/unauthorize/nas-lobby"));
      expect(device).toBeDefined();
      const mac = String(device?.mac);
      const body = await client.call("login/online", {
        "nas-id": "nas-lobby",
        device: mac,
        ip: String(device?.ip),
        user: "walkin.guest",
      });
      expect(body).toEqual({ is_success: "true", result_message: "success", return_data: [] });
      expect(rows(await client.call("user/get/walkin.guest"))[0]).toMatchObject({
        plan: "wx_temp",
        status: "act",
        remark: "API Registration",
        allownas: "",
      });
      const [session] = rows(await client.call("login/history/walkin.guest"));
      expect(session).toMatchObject({
        acctstoptime: null,
        callingstationid: mac.toUpperCase().replace(/:/g, "-"),
        zone: "Lobby",
      });
      const after = rows(await client.call("login/unauthorize/nas-lobby")).map((d) => d.mac);
      expect(after).not.toContain(mac);
    });

    it("answers login/online outcomes in result_message and refuses bad input", async () => {
      const base = { "nas-id": "nas-lobby", device: "aa:bb:cc:00:00:10", ip: "172.16.0.10" };
      await client.call("login/online", { ...base, user: "sleepy", status: "suspend" });
      expect((await client.call("login/online", { ...base, user: "sleepy" })).result_message).toBe(
        "account suspended",
      );
      await client.call("user/create", {
        username: "pool.only",
        password: "pw",
        profile: "wx_temp",
        allownas: "Pool",
      });
      expect((await client.call("login/online", { ...base, user: "pool.only" })).result_message).toBe(
        "zone not allowed",
      );
      expect(await client.call("login/online", { ...base, user: "x", "nas-id": "nas-mars" })).toEqual({
        error: "nas not found",
      });
      expect(await client.call("login/online", { ...base, user: "x", device: "zz" })).toEqual({
        error: "invalid parameter: device",
      });
      expect(await client.call("login/online", base)).toEqual({ error: "missing parameter: user" });
    });
  });

  describe("profile, nas, device, admin", () => {
    it("lists about ten profiles including the documented default wx_temp", async () => {
      const profiles = rows(await client.call("profile/get"));
      expect(profiles).toHaveLength(10);
      expect(profiles.find((p) => p["profile-name"] === "wx_temp")).toMatchObject({
        type: "Session-Timeout",
        minute: "5",
      });
    });

    it("creates and deletes a profile", async () => {
      const params = {
        "profile-name": "Gold-1Day",
        type: "Expiration",
        price: "9.5",
        minute: "1440",
        bwdown: "8192",
      };
      expect((await client.call("profile/create", params)).result_msg).toBe("profile created");
      expect(rows(await client.call("profile/get/Gold-1Day"))[0]).toMatchObject({
        type: "Access-Period",
        price: "9.50",
        minute: "1440",
        bwdown: "8192",
      });
      expect(await client.call("profile/create", params)).toEqual({ error: "profile already existed" });
      expect(await client.call("profile/create", { ...params, "profile-name": "X", minute: "lots" })).toEqual(
        {
          error: "invalid parameter: minute",
        },
      );
      expect((await client.call("profile/delete/Gold-1Day")).result_msg).toBe("profile deleted");
      expect(rows(await client.call("profile/get/Gold-1Day"))).toEqual([]);
    });

    it("lists NAS without secrets, creates and deletes one", async () => {
      const nas = rows(await client.call("nas/get"));
      expect(nas).toHaveLength(4);
      expect(nas.every((n) => n.secret === undefined && n.password === undefined)).toBe(true);
      expect(new Set(nas.map((n) => n.zone)).size).toBe(4);
      const params = {
        "nas-ip": "10.50.0.1",
        "nas-id": "nas-annex",
        type: "mikrotik",
        secret: "radius-secret",
      };
      expect((await client.call("nas/create", params)).result_msg).toBe("nas created");
      expect(rows(await client.call("nas/get/nas-annex"))[0]).toMatchObject({
        nasname: "10.50.0.1",
        ports: "3799",
      });
      expect(await client.call("nas/create", { ...params, "nas-ip": "10.50.0.300" })).toEqual({
        error: "invalid parameter: nas-ip",
      });
      expect((await client.call("nas/delete/nas-annex")).result_msg).toBe("nas deleted");
    });

    it("lists devices (default limit 50), creates and deletes one", async () => {
      expect(rows(await client.call("device/get"))).toHaveLength(3);
      expect(
        (await client.call("device/create", { "device-ip": "10.20.0.99", "device-id": "ap-99", snmpv: "2" }))
          .result_msg,
      ).toBe("device created");
      expect(rows(await client.call("device/get/ap-99"))).toHaveLength(1);
      expect((await client.call("device/delete/ap-99")).result_msg).toBe("device deleted");
    });

    it("lists admins without passwords, creates one that cannot log in to the API", async () => {
      const admins = rows(await client.call("admin/get"));
      expect(admins.map((a) => a.username)).toContain("hakim");
      expect(admins.every((a) => a.password === undefined)).toBe(true);
      expect(
        (await client.call("admin/create", { username: "night.shift", groupname: "Operator", monitor: "y" }))
          .result_msg,
      ).toBe("admin created");
      expect(rows(await client.call("admin/get/night.shift"))[0]).toMatchObject({
        monitor: "y",
        temp_pass: "true",
      });
      expect((await client.call("admin/delete/night.shift")).result_msg).toBe("admin deleted");
    });
  });

  describe("seeded data", () => {
    it("is the same for the same seed and anchor, different for another seed", async () => {
      const sizes = { users: 40, vouchers: 100, nas: 2, devices: 1, anchorMs: ANCHOR };
      const a = await startKiwireSimulator({ ...sizes, seed: 7 });
      const b = await startKiwireSimulator({ ...sizes, seed: 7 });
      const c = await startKiwireSimulator({ ...sizes, seed: 8 });
      try {
        const snapshot = (s: RunningKiwireSimulator) =>
          JSON.stringify([
            [...s.store.users.values()].map((u) => ({ ...u, password: "" })),
            [...s.store.vouchers.keys()],
          ]);
        expect(snapshot(a)).toBe(snapshot(b));
        expect(snapshot(a)).not.toBe(snapshot(c));
        const user = [...a.store.users.keys()][3] ?? "";
        expect(a.history.query({ username: user })).toEqual(b.history.query({ username: user }));
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });

    it("seeds vouchers in batches and users across the status codes", async () => {
      const batches = new Set([...sim.store.vouchers.values()].map((v) => v.tag));
      expect(batches.size).toBeGreaterThan(1);
      const statuses = new Set([...sim.store.users.values()].map((u) => u.status));
      expect(statuses).toEqual(new Set(["act", "exp", "sus"]));
    });
  });
});
