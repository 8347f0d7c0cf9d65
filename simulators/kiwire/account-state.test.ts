import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KIWIRE_MODULES, type KiwireModule, type KiwirePermission } from "./protocol";
import { type RunningKiwireSimulator, startKiwireSimulator } from "./simulator";
import { kiwireClient } from "./test-client";

/** One call per module that every module accepts when nothing is switched off. */
const PROBE: Record<KiwireModule, string> = {
  admin: "admin/get",
  nas: "nas/get",
  device: "device/get",
  profile: "profile/get",
  login: "login/history",
  user: "user/get",
  voucher: "voucher/get",
};

/** Each toggle and the calls it gates (README, "Permission toggles"). */
const GATED: ReadonlyArray<[KiwirePermission, string, Record<string, string>]> = [
  ["add_user", "user/create", { username: "perm.user", password: "pw", profile: "wx_temp" }],
  ["add_user", "voucher/create", { qty: "1" }],
  [
    "add_user",
    "login/online",
    { "nas-id": "nas-lobby", device: "aa:bb:cc:00:00:01", ip: "172.16.0.9", user: "walk.in" },
  ],
  ["delete_user", "user/delete/nobody", {}],
  ["delete_user", "voucher/delete/nothing", {}],
  ["user_information", "user/get", {}],
  ["user_information", "voucher/get", {}],
  ["add_admin", "admin/create", { username: "perm.admin", groupname: "Operator" }],
  ["delete_admin", "admin/delete/nobody", {}],
  ["add_nas", "nas/create", { "nas-ip": "10.99.0.1", "nas-id": "nas-perm" }],
  ["delete_nas", "nas/delete/nobody", {}],
  ["add_device", "device/create", { "device-ip": "10.99.0.2", "device-id": "dev-perm" }],
  ["delete_device", "device/delete/nobody", {}],
  ["add_profile", "profile/create", { "profile-name": "Perm-Plan", type: "Countdown" }],
  ["delete_profile", "profile/delete/nobody", {}],
  ["login_record", "login/history", {}],
  ["login_record", "login/unauthorize/nas-lobby", {}],
];

describe("Kiwire simulator: account-level error states", () => {
  let sim: RunningKiwireSimulator;
  let client: ReturnType<typeof kiwireClient>;

  beforeAll(async () => {
    sim = await startKiwireSimulator({ users: 10, vouchers: 10, nas: 2, devices: 1 });
    client = kiwireClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.account.apiEnabled = true;
    sim.account.tenantAvailable = true;
    sim.account.disabledModules.clear();
    for (const key of Object.keys(sim.account.permissions) as KiwirePermission[])
      sim.account.permissions[key] = true;
    await client.login();
  });

  it("API integration off: login and every module refuse with 'api integration is currently disabled'", async () => {
    sim.account.apiEnabled = false;
    expect(await client.login()).toEqual({
      status: "failed",
      error: "api integration is currently disabled",
    });
    expect(await client.call("user/get")).toEqual({ error: "api integration is currently disabled" });
    // The switch is checked before the signature: a bad key gets the same answer.
    expect(await client.call("user/get", {}, { apiKey: "wrong" })).toEqual({
      error: "api integration is currently disabled",
    });
    sim.account.apiEnabled = true;
    expect((await client.call("user/get")).is_success).toBe(true);
  });

  it("tenant unavailable: 'cloud id not available' for login and modules", async () => {
    sim.account.tenantAvailable = false;
    expect(await client.login()).toEqual({ status: "failed", error: "cloud id not available" });
    expect(await client.call("nas/get")).toEqual({ error: "cloud id not available" });
  });

  it.each(KIWIRE_MODULES)(
    "module %s switched off: 'module disabled', other modules unaffected",
    async (module) => {
      sim.account.disabledModules.add(module);
      expect(await client.call(PROBE[module])).toEqual({ error: "module disabled" });
      const other = KIWIRE_MODULES.find((m) => m !== module) ?? "user";
      expect(await client.call(PROBE[other])).toHaveProperty("is_success");
    },
  );

  it("a disabled module still answers 'module not existed' for an unknown method", async () => {
    sim.account.disabledModules.add("user");
    expect(await client.call("user/update")).toEqual({ error: "module not existed" });
  });

  it.each(GATED)(
    "permission %s off: %s refused with 'permission denied'",
    async (permission, path, params) => {
      // Refused first: the allowed call may create what it names, which would change the second answer.
      sim.account.permissions[permission] = false;
      expect(await client.call(path, params)).toEqual({ error: "permission denied" });
      sim.account.permissions[permission] = true;
      const allowed = await client.call(path, params);
      expect(allowed.error).not.toBe("permission denied");
    },
  );

  it("login/online needs 'Add User' only when it must create the account", async () => {
    sim.account.permissions.add_user = false;
    const existing = [...sim.store.users.values()].find((u) => u.status === "act" && u.allownas === "");
    expect(existing).toBeDefined();
    const body = await client.call("login/online", {
      "nas-id": "nas-lobby",
      device: "aa:bb:cc:00:00:02",
      ip: "172.16.0.10",
      user: existing?.username ?? "",
    });
    expect(body.error).toBeUndefined();
    expect(body.is_success).toBe("true");
  });

  it("the Update toggles gate nothing: the API documents no update method", async () => {
    for (const p of [
      "update_user",
      "update_admin",
      "update_nas",
      "update_device",
      "update_profile",
    ] as const) {
      sim.account.permissions[p] = false;
    }
    for (const path of Object.values(PROBE)) expect((await client.call(path)).error, path).toBeUndefined();
  });

  it("a rotated API key invalidates signatures made with the old one", async () => {
    const old = sim.account.apiKey;
    sim.account.apiKey = "rotated-key";
    try {
      expect(await client.call("user/get", {}, { apiKey: old })).toEqual({ error: "invalid api key" });
      expect((await client.call("user/get")).is_success).toBe(true);
    } finally {
      sim.account.apiKey = old;
    }
  });

  it("takes the same states as start options", async () => {
    const off = await startKiwireSimulator({
      users: 5,
      vouchers: 5,
      nas: 1,
      devices: 0,
      disabledModules: ["voucher"],
      permissionsOff: ["user_information"],
    });
    try {
      const c = kiwireClient(off);
      expect((await c.login()).status).toBe("success");
      expect(await c.call("voucher/get")).toEqual({ error: "module disabled" });
      expect(await c.call("user/get")).toEqual({ error: "permission denied" });
      expect((await c.call("nas/get")).is_success).toBe(true);
      const disabled = await startKiwireSimulator({
        users: 1,
        vouchers: 1,
        apiEnabled: false,
        tenantAvailable: true,
      });
      try {
        expect(await kiwireClient(disabled).login()).toEqual({
          status: "failed",
          error: "api integration is currently disabled",
        });
      } finally {
        await disabled.close();
      }
    } finally {
      await off.close();
    }
  });
});
