import { afterAll, beforeAll, bench, describe } from "vitest";
import { POST as CREATE_CONNECTION } from "@/app/api/v1/connections/route";
import { GET as LIST } from "@/app/api/v1/kerio/[connectionId]/extensions/route";
import { installFileConnections } from "@/lib/server/connections/file-source";
import {
  type RunningKerioOperatorSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";

/**
 * Run: `npx vitest bench bench/kerio-extensions.bench.ts`. One page of 50 out of 2,000 extensions, page 7
 * sorted by number, (a) through the BFF route handler in-process (session check, permission, zod, session
 * cache, the Kerio client, the group-lines call, DTO mapping) and (b) one raw JSON-RPC Extensions.get
 * against the same simulator. The difference is what the console adds on top of the appliance's own time.
 */

process.env.CONSOLE_SECRET_KEY ??= "bench-master-key-bench-master-key-bench";

let simulator: RunningKerioOperatorSimulator;
let cookie = "";
let session = { token: "", cookie: "" };
const connectionId = "pbx-bench";
const PAGE = { start: 300, limit: 50 };

beforeAll(async () => {
  simulator = await startKerioOperatorSimulator({ port: 0, extensions: 2000 });
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
  const login = await fetch(simulator.apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "Session.login",
      params: {
        ...{ userName: simulator.credentials.username, password: simulator.credentials.password },
        application: { name: "bench", vendor: "bench", version: "1" },
      },
    }),
  });
  const token = ((await login.json()) as { result: { token: string } }).result.token;
  session = {
    token,
    cookie: login.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; "),
  };
}, 60_000);

afterAll(async () => {
  await simulator?.close();
});

describe("a page of 50 from 2,000 extensions", () => {
  bench("through the BFF", async () => {
    const response = await call(LIST, {
      path: `/x?page=${PAGE.start / PAGE.limit + 1}&pageSize=${PAGE.limit}&sort=number`,
      headers: { cookie },
      params: { connectionId },
    });
    if (response.status !== 200) throw new Error(`BFF answered ${response.status}`);
    await response.json();
  });

  bench("directly against the simulator", async () => {
    const response = await fetch(simulator.apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-token": session.token, cookie: session.cookie },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 2,
        method: "Extensions.get",
        params: {
          query: {
            conditions: [{ fieldName: "lineType", comparator: "NotEq", value: "1" }],
            combining: "And",
            orderBy: [{ columnName: "telNum", direction: "Asc" }],
            ...PAGE,
          },
        },
      }),
    });
    const answer = (await response.json()) as { error?: unknown };
    if (answer.error) throw new Error(JSON.stringify(answer.error));
  });
});
