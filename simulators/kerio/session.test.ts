import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RunningKerioOperatorSimulator,
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "./simulator";
import { KerioTestClient } from "./testing-client";

const SESSION_EXPIRED = { code: -32001, message: "Session expired." };

describe("Kerio JSON-RPC core (Operator as the vehicle)", () => {
  let sim: RunningKerioOperatorSimulator;

  beforeAll(async () => {
    sim = await startKerioOperatorSimulator({ extensions: 40, seed: 3, username: "u", password: "p" });
  });
  afterAll(async () => {
    await sim.close();
  });

  const loggedIn = async () => {
    const client = new KerioTestClient(sim.apiUrl);
    await client.login("u", "p");
    return client;
  };

  it("logs in with the notes' §8.1 request and sets both cookies, the token cookie equal to the token", async () => {
    const client = new KerioTestClient(sim.apiUrl);
    const answer = await client.post<{ token: string }>(
      '{"jsonrpc":"2.0","id":1,"method":"Session.login","params":{"userName":"u","password":"p","application":{"name":"","vendor":"","version":""}}}',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(1);
    const token = answer.body.result?.token ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const session = answer.setCookies.find((line) => line.startsWith("SESSION_OPERATOR_WEBADMIN="));
    const tokenCookie = answer.setCookies.find((line) => line.startsWith("TOKEN_OPERATOR_WEBADMIN="));
    expect(session).toMatch(/^SESSION_OPERATOR_WEBADMIN=[0-9a-f]{64}; Path=\/; HttpOnly$/);
    expect(tokenCookie).toBe(`TOKEN_OPERATOR_WEBADMIN=${token}; Path=/`);
  });

  it("accepts the §8.1 authenticated call shape: X-Token, Cookie, body token, json-rpc Accept", async () => {
    const client = await loggedIn();
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const answer = await client.post(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "Extensions.getNextValidNumber",
        params: {},
        token: client.token,
      }),
      { "X-Token": client.token ?? "", Cookie: cookie, Accept: "application/json-rpc" },
    );
    expect(answer.body).toMatchObject({
      jsonrpc: "2.0",
      id: 1,
      result: { extensionNumber: expect.any(String) },
    });
  });

  it("accepts Kerio's own getting-started call: string id and PHP's empty-array params", async () => {
    const client = await loggedIn();
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const answer = await client.post(
      '{"jsonrpc":"2.0","id":"1","method":"Extensions.getNextValidNumber","params":[]}',
      { "X-Token": client.token ?? "", Cookie: cookie },
    );
    expect(answer.body.id).toBe("1");
    expect(answer.body.result).toEqual({ extensionNumber: expect.stringMatching(/^\d+$/) });
  });

  it("refuses a missing X-Token, a missing cookie, a wrong token and a wrong body token with -32001", async () => {
    const client = await loggedIn();
    expect(await client.error("Extensions.getNextValidNumber", {}, { omitToken: true })).toMatchObject(
      SESSION_EXPIRED,
    );
    expect(await client.error("Extensions.getNextValidNumber", {}, { omitCookie: true })).toMatchObject(
      SESSION_EXPIRED,
    );
    expect(await client.error("Extensions.getNextValidNumber", {}, { token: "f".repeat(64) })).toMatchObject(
      SESSION_EXPIRED,
    );
    expect(
      await client.error("Extensions.getNextValidNumber", {}, { bodyToken: "0".repeat(64) }),
    ).toMatchObject(SESSION_EXPIRED);
    // The TOKEN_ cookie alone is not a session: the SESSION_ cookie is what identifies it.
    const tokenOnly = new KerioTestClient(sim.apiUrl);
    tokenOnly.token = client.token;
    tokenOnly.cookies.set("TOKEN_OPERATOR_WEBADMIN", client.token ?? "");
    expect(await tokenOnly.error("Extensions.getNextValidNumber", {})).toMatchObject(SESSION_EXPIRED);
    // The refused calls did not hurt the session itself.
    expect(await client.result("Extensions.getNextValidNumber", {})).toHaveProperty("extensionNumber");
  });

  it("sends the whole error shape: code, message and data.messageParameters", async () => {
    const client = new KerioTestClient(sim.apiUrl);
    const answer = await client.call("Extensions.get", { query: {} });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      jsonrpc: "2.0",
      id: 1,
      error: {
        code: -32001,
        message: "Session expired.",
        data: { messageParameters: { positionalParameters: [], plurality: 1 } },
      },
    });
  });

  it("refuses a wrong password, an unknown user and a login without the application block", async () => {
    const client = new KerioTestClient(sim.apiUrl);
    const application = { name: "", vendor: "", version: "" };
    const wrong = { code: -32000, message: "Username or password is not correct." };
    expect(await client.error("Session.login", { userName: "u", password: "x", application })).toMatchObject(
      wrong,
    );
    expect(
      await client.error("Session.login", { userName: "nobody", password: "p", application }),
    ).toMatchObject(wrong);
    expect(await client.error("Session.login", { userName: "u", password: "p" })).toMatchObject({
      code: -32602,
      message: "Invalid params.",
    });
    const failed = await client.call("Session.login", { userName: "u", password: "x", application });
    expect(failed.setCookies).toEqual([]);
  });

  it("expires an idle session, keeps a busy one alive, and counts time on the simulator's clock", async () => {
    const client = await loggedIn();
    sim.sessions.idleTimeoutMs = 60_000;
    try {
      sim.clock.offsetMs += 40_000;
      await client.result("Extensions.getNextValidNumber", {});
      sim.clock.offsetMs += 40_000;
      // 80 s since login but only 40 s idle: still alive.
      await client.result("Extensions.getNextValidNumber", {});
      sim.clock.offsetMs += 61_000;
      expect(await client.error("Extensions.getNextValidNumber", {})).toMatchObject(SESSION_EXPIRED);
      // Gone for good: the same cookie and token stay refused.
      sim.clock.offsetMs -= 61_000;
      expect(await client.error("Extensions.getNextValidNumber", {})).toMatchObject(SESSION_EXPIRED);
    } finally {
      sim.sessions.idleTimeoutMs = 30 * 60 * 1000;
    }
  });

  it("expires every session mid-list; a re-login continues the listing where it stopped", async () => {
    const client = await loggedIn();
    const query = (start: number) => ({
      query: { start, limit: 10, orderBy: [{ columnName: "telNum", direction: "Asc" }] },
    });
    const full = await client.result<{ sipExtensionList: Array<{ guid: number }> }>("Extensions.get", {
      query: { orderBy: [{ columnName: "telNum", direction: "Asc" }] },
    });
    const first = await client.result<{ sipExtensionList: Array<{ guid: number }> }>(
      "Extensions.get",
      query(0),
    );
    expect(sim.expireAllSessions()).toBeGreaterThanOrEqual(1);
    expect(await client.error("Extensions.get", query(10))).toMatchObject(SESSION_EXPIRED);
    const loginsBefore = sim.stats.logins;
    await client.login("u", "p");
    expect(sim.stats.logins).toBe(loginsBefore + 1);
    const second = await client.result<{ sipExtensionList: Array<{ guid: number }> }>(
      "Extensions.get",
      query(10),
    );
    const paged = [...first.sipExtensionList, ...second.sipExtensionList].map((row) => row.guid);
    expect(paged).toEqual(full.sipExtensionList.slice(0, 20).map((row) => row.guid));
  });

  it("logs out with {} and clears the cookies; a second logout fails (§8.2)", async () => {
    const client = await loggedIn();
    const answer = await client.call("Session.logout");
    expect(answer.body.result).toEqual({});
    expect(answer.setCookies).toEqual([
      "SESSION_OPERATOR_WEBADMIN=; Path=/; Max-Age=0; HttpOnly",
      "TOKEN_OPERATOR_WEBADMIN=; Path=/; Max-Age=0",
    ]);
    expect(await client.error("Session.logout")).toMatchObject(SESSION_EXPIRED);
  });

  it("refuses a replayed session after logout", async () => {
    const client = await loggedIn();
    const saved = new Map(client.cookies);
    await client.result("Session.logout");
    for (const [name, value] of saved) client.cookies.set(name, value);
    expect(await client.error("Extensions.getNextValidNumber", {})).toMatchObject(SESSION_EXPIRED);
  });

  it("answers an unknown method with -32601 over HTTP 200, logged in or not", async () => {
    const anonymous = new KerioTestClient(sim.apiUrl);
    const answer = await anonymous.call("Extensions.frobnicate", {});
    expect(answer.status).toBe(200);
    expect(answer.body.error).toMatchObject({ code: -32601, message: "Method not found." });
    const client = await loggedIn();
    // Methods of the other Kerio products do not exist on Operator.
    expect(await client.error("IpAddressGroups.get", { query: {} })).toMatchObject({ code: -32601 });
    expect(await client.error("Domains.get", { query: {} })).toMatchObject({ code: -32601 });
  });

  it("rejects malformed envelopes with the JSON-RPC codes", async () => {
    const client = await loggedIn();
    const parse = await client.post("{not json");
    expect(parse.body).toMatchObject({ id: null, error: { code: -32700, message: "Parse error." } });
    const noVersion = await client.post('{"id":5,"method":"Extensions.get","params":{"query":{}}}');
    expect(noVersion.body).toMatchObject({ id: 5, error: { code: -32600, message: "Invalid request." } });
    const noId = await client.post('{"jsonrpc":"2.0","method":"Extensions.get","params":{"query":{}}}');
    expect(noId.body.error).toMatchObject({ code: -32600 });
    const array = await client.post('[{"jsonrpc":"2.0","id":1,"method":"Extensions.get"}]');
    expect(array.body.error).toMatchObject({ code: -32600 });
    const positional = await client.post(
      '{"jsonrpc":"2.0","id":2,"method":"Extensions.get","params":[{"query":{}}]}',
    );
    expect(positional.body.error).toMatchObject({ code: -32602, message: "Invalid params." });
    expect(await client.error("Extensions.getNextValidNumber", { unexpected: 1 })).toMatchObject({
      code: -32602,
    });
  });

  it("serves the path with and without the trailing slash, and nothing else", async () => {
    const client = await loggedIn();
    const withoutSlash = new KerioTestClient(sim.apiUrl.replace(/\/$/, ""));
    withoutSlash.token = client.token;
    for (const [name, value] of client.cookies) withoutSlash.cookies.set(name, value);
    expect(await withoutSlash.result("Extensions.getNextValidNumber", {})).toHaveProperty("extensionNumber");
    const other = await fetch(`${sim.baseUrl}/admin/api/jsonrpc/upload/`, { method: "POST", body: "{}" });
    expect(other.status).toBe(404);
    const get = await fetch(sim.apiUrl);
    expect(get.status).toBe(405);
  });

  it("runs Batch.run commands with one answer each, errors included", async () => {
    const client = await loggedIn();
    const result = await client.result<Array<{ result?: unknown; error?: { code: number } }>>("Batch.run", {
      commandList: [
        { method: "Extensions.getNextValidNumber" },
        { method: "Nope.nothing", params: {} },
        { method: "Extensions.get", params: { query: { limit: 1 } } },
        { method: "Session.login", params: {} },
      ],
    });
    expect(result).toHaveLength(4);
    expect(result[0]?.result).toHaveProperty("extensionNumber");
    expect(result[1]?.error).toMatchObject({ code: -32601 });
    expect(result[2]?.result).toMatchObject({ totalItems: expect.any(Number) });
    expect(result[3]?.error).toMatchObject({ code: -32600 });
    expect(await client.error("Batch.run", { commandList: [{ params: {} }] })).toMatchObject({
      code: -32602,
    });
    expect(await client.error("Batch.run", { commandList: [] }, { omitCookie: true })).toMatchObject(
      SESSION_EXPIRED,
    );
  });

  it("counts requests and logins", async () => {
    const before = { ...sim.stats };
    const client = await loggedIn();
    await client.result("Extensions.getNextValidNumber", {});
    expect(sim.stats.requests).toBe(before.requests + 2);
    expect(sim.stats.logins).toBe(before.logins + 1);
    expect(sim.calls.get("Extensions.getNextValidNumber")).toBeGreaterThan(0);
  });
});

describe("product differences in the core", () => {
  it("Connect: anonymous calls get Connect's own -32001 text, logout answers a redirectUrl (§8.7)", async () => {
    const sim = await startKerioConnectSimulator({ domains: 1, usersPerDomain: 2 });
    try {
      const client = new KerioTestClient(sim.apiUrl);
      expect(await client.error("Domains.get", { query: {} })).toMatchObject({
        code: -32001,
        message: "User Anonymous does not have administrator rights",
      });
      // The primary domain may be added to the login name (IDL Session.login).
      await client.login(`${sim.credentials.username}@example.com`, sim.credentials.password);
      expect([...client.cookies.keys()].sort()).toEqual([
        "SESSION_CONNECT_WEBADMIN",
        "TOKEN_CONNECT_WEBADMIN",
      ]);
      expect(await client.error("Domains.get", { query: {} }, { omitToken: true })).toMatchObject(
        SESSION_EXPIRED,
      );
      const logout = await client.result<{ redirectUrl: string }>("Session.logout");
      expect(logout).toEqual({ redirectUrl: `${sim.baseUrl}/admin/login` });
    } finally {
      await sim.close();
    }
  });

  it("Control: its own cookie names; an Operator session cookie means nothing there", async () => {
    const sim = await startKerioControlSimulator({ ipAddressEntries: 10 });
    try {
      const client = new KerioTestClient(sim.apiUrl);
      await client.login(sim.credentials.username, sim.credentials.password);
      expect([...client.cookies.keys()].sort()).toEqual([
        "SESSION_CONTROL_WEBADMIN",
        "TOKEN_CONTROL_WEBADMIN",
      ]);
      const wrongProduct = new KerioTestClient(sim.apiUrl);
      wrongProduct.token = client.token;
      wrongProduct.cookies.set(
        "SESSION_OPERATOR_WEBADMIN",
        client.cookies.get("SESSION_CONTROL_WEBADMIN") ?? "",
      );
      expect(await wrongProduct.error("Session.getUserName")).toMatchObject(SESSION_EXPIRED);
      expect(await client.result("Session.getUserName")).toEqual({ name: sim.credentials.username });
    } finally {
      await sim.close();
    }
  });

  it("marks cookies Secure over HTTPS", async () => {
    const sim = await startKerioOperatorSimulator({ extensions: 5, https: true });
    try {
      expect(sim.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      const body = JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "Session.login",
        params: {
          userName: sim.credentials.username,
          password: sim.credentials.password,
          application: { name: "", vendor: "", version: "" },
        },
      });
      const setCookies = await new Promise<string[]>((resolve, reject) => {
        const req = request(sim.apiUrl, { method: "POST", rejectUnauthorized: false }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers["set-cookie"] ?? []));
        });
        req.on("error", reject);
        req.end(body);
      });
      expect(setCookies).toHaveLength(2);
      for (const line of setCookies) expect(line).toContain("; Secure");
    } finally {
      await sim.close();
    }
  });
});
