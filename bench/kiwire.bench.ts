import { afterAll, beforeAll, bench, describe } from "vitest";
import { POST as CREATE_CONNECTION } from "@/app/api/v1/connections/route";
import { GET as LIST_USERS } from "@/app/api/v1/kiwire/[connectionId]/users/route";
import {
  POST as CREATE_VOUCHERS,
  GET as LIST_VOUCHERS,
} from "@/app/api/v1/kiwire/[connectionId]/vouchers/route";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { md5 } from "@/simulators/kiwire/signing";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";

/**
 * Run: `npx vitest bench --run bench/kiwire.bench.ts`. (a) The voucher page at 20,000 vouchers, plain and
 * filtered, through the BFF from the console's index, beside its anchors in the same run: one raw 50-row
 * `voucher/get` page (what the appliance itself costs) and one raw read of the whole voucher table (what every
 * page view cost before the index, since Kiwire's get only pages). (b) 5,000 hotspot users sorted: through the
 * BFF (from the index) vs one raw `user/get` with limit 5000. (c) A 1,000-voucher batch: through the BFF
 * (session, permission, zod, token cache, signing, DTO mapping, audit row, index write-through) vs one raw
 * signed `voucher/create`. Divide the means for the BFF's overhead ratio.
 */

process.env.CONSOLE_SECRET_KEY ??= "bench-master-key-bench-master-key-bench";

let simulator: RunningKiwireSimulator;
let cookie = "";
let token = "";
const connectionId = "kiwire-bench";

beforeAll(async () => {
  simulator = await startKiwireSimulator({ port: 0, users: 5000, vouchers: 20_000 });
  const db = await freshDatabase();
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  cookie = (await userWithSession(db, "operator")).cookie;
  const created = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId }),
  });
  if (created.status !== 201) throw new Error(`connection not created: ${await created.text()}`);
  const { username, password, cloudId } = simulator.credentials;
  const login = await fetch(`${simulator.baseUrl}/admin/agent/api_login.php`, {
    method: "POST",
    body: new URLSearchParams({ code: md5(`${username}|${password}`), cloud_id: cloudId }),
  });
  token = ((await login.json()) as { token: string }).token;
  // The first list builds the index (one full scan of each table); the benches measure the pages after it.
  for (const [handler, path] of [
    [LIST_VOUCHERS, "/x?pageSize=1"],
    [LIST_USERS, "/x?pageSize=1"],
  ] as const) {
    const response = await call(handler, { path, headers: { cookie }, params: { connectionId } });
    if (response.status !== 200) throw new Error(`index not built: ${await response.text()}`);
  }
}, 120_000);

afterAll(async () => {
  await simulator?.close();
});

async function direct(path: string, fields: Record<string, string>) {
  const response = await fetch(`${simulator.baseUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams({
      ...fields,
      ...simulator.sign(token),
      token,
      cloud_id: simulator.credentials.cloudId,
    }),
  });
  const body = (await response.json()) as { error?: string };
  if (body.error) throw new Error(body.error);
}

async function viaBff(handler: typeof LIST_VOUCHERS, path: string) {
  const response = await call(handler, { path, headers: { cookie }, params: { connectionId } });
  if (response.status !== 200) throw new Error(`BFF answered ${response.status}`);
  await response.json();
}

describe("the voucher page at 20,000 vouchers", () => {
  bench("through the BFF from the index: page 3 of 50", async () => {
    await viaBff(LIST_VOUCHERS, "/x?page=3&pageSize=50");
  });

  bench("through the BFF from the index: filtered (status, profile, code contains)", async () => {
    await viaBff(LIST_VOUCHERS, "/x?status=active&profile=1Day-5Mbps&q=1&pageSize=50");
  });

  bench("anchor: one raw 50-row voucher/get page from the simulator", async () => {
    await direct("/apiv2/voucher/get", { start: "100", limit: "50" });
  });

  bench("anchor: the whole voucher table from the simulator (each page view before the index)", async () => {
    await direct("/apiv2/voucher/get", { start: "0", limit: "20000" });
  });
});

describe("all 5,000 hotspot users", () => {
  bench("through the BFF from the index (sorted)", async () => {
    const response = await call(LIST_USERS, {
      path: "/x?sort=username&pageSize=50",
      headers: { cookie },
      params: { connectionId },
    });
    if (response.status !== 200) throw new Error(`BFF answered ${response.status}`);
    await response.json();
  });

  bench("directly against the simulator", async () => {
    await direct("/apiv2/user/get", { start: "0", limit: "5000" });
  });
});

describe("a batch of 1,000 vouchers", () => {
  bench(
    "through the BFF",
    async () => {
      const response = await call(CREATE_VOUCHERS, {
        method: "POST",
        headers: { cookie },
        params: { connectionId },
        body: { quantity: 1000, profile: "wx_temp" },
      });
      if (response.status !== 201)
        throw new Error(`BFF answered ${response.status}: ${await response.text()}`);
      await response.json();
    },
    { iterations: 5 },
  );

  bench(
    "directly against the simulator",
    async () => {
      await direct("/apiv2/voucher/create", { qty: "1000", plan: "wx_temp" });
    },
    { iterations: 5 },
  );
});
