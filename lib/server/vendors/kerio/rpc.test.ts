import { describe, expect, it } from "vitest";
import type { HttpClient, HttpRequest, HttpResponse } from "@/lib/server/http/client";
import { OperatorExtensions } from "./operator-extensions";
import { buildKerioQuery } from "./query";
import { callFault, fillPlaceholders, itemFaults, KerioError, KerioRpcClient } from "./rpc";

interface Sent {
  body: { jsonrpc: string; id: number; method: string; params: Record<string, unknown>; token?: string };
  headers: Record<string, string>;
}

/** An appliance in a box: answers each method from a script and records every request. */
function fakeKerio(answer: (method: string, params: Record<string, unknown>, n: number) => unknown) {
  const sent: Sent[] = [];
  let logins = 0;
  const respond = (payload: unknown, setCookie?: string[]): HttpResponse => {
    const body = Buffer.from(JSON.stringify(payload));
    return {
      status: 200,
      headers: { "set-cookie": setCookie },
      body,
      text: () => body.toString(),
      header: () => undefined,
      serverDate: () => null,
    };
  };
  const http = {
    request: async (request: HttpRequest) => {
      const body = JSON.parse(String(request.body)) as Sent["body"];
      sent.push({ body, headers: request.headers ?? {} });
      if (body.method === "Session.login") {
        logins++;
        return respond({ jsonrpc: "2.0", id: body.id, result: { token: `token-${logins}` } }, [
          `SESSION_OPERATOR_WEBADMIN=s${logins}; Path=/; HttpOnly`,
          `TOKEN_OPERATOR_WEBADMIN=token-${logins}; Path=/`,
        ]);
      }
      const n = sent.filter((s) => s.body.method === body.method).length;
      const result = answer(body.method, body.params, n);
      if (result instanceof Error) {
        const [code, message, ...parameters] = result.message.split("|");
        return respond({
          jsonrpc: "2.0",
          id: body.id,
          error: {
            code: Number(code),
            message,
            data: { messageParameters: { positionalParameters: parameters } },
          },
        });
      }
      return respond({ jsonrpc: "2.0", id: body.id, result });
    },
  } as unknown as HttpClient;
  const client = () =>
    new KerioRpcClient({
      http,
      credentials: { username: "Admin", password: "pw" },
      sessionKey: `fake-${++sessionKeys}`,
    });
  return { sent, client, logins: () => logins };
}

let sessionKeys = 0;
const expired = () => new Error("-32001|Session expired.");

describe("Kerio error channels", () => {
  it("fills %1 placeholders from positionalParameters on both channels", () => {
    expect(fillPlaceholders("The range %1 - %2 is not valid.", ["a", 7])).toBe(
      "The range a - 7 is not valid.",
    );
    expect(fillPlaceholders("Left %3 alone", ["x"])).toBe("Left %3 alone");
    expect(
      callFault({
        code: 1002,
        message: "User %1 does not exist.",
        data: { messageParameters: { positionalParameters: [42] } },
      }),
    ).toMatchObject({
      code: 1002,
      message: "User 42 does not exist.",
      template: "User %1 does not exist.",
      parameters: ["42"],
    });
    expect(
      itemFaults({
        errors: [
          {
            inputIndex: 1,
            code: 1002,
            message: "Extension %1 does not exist.",
            messageParameters: { positionalParameters: [9] },
          },
        ],
      }),
    ).toEqual([expect.objectContaining({ inputIndex: 1, message: "Extension 9 does not exist." })]);
    expect(itemFaults({ errors: [] })).toEqual([]);
  });

  it("leaves a placeholder as written when its parameter is not text (an object cannot throw from String())", () => {
    const hostile = { toString: 1 };
    expect(fillPlaceholders("User %1 in %2", [hostile, ["a"]])).toBe("User %1 in %2");
    expect(
      callFault({
        code: 1002,
        message: "User %1 does not exist.",
        data: { messageParameters: { positionalParameters: [hostile] } },
      }),
    ).toMatchObject({ message: "User %1 does not exist.", parameters: [""] });
  });

  it("maps Kerio codes to statuses a person understands", () => {
    const fault = callFault({ code: 1001, message: "Already exists." });
    expect(new KerioError(fault).status).toBe(409);
    expect(new KerioError(callFault({ code: 1002, message: "x" })).status).toBe(404);
    expect(new KerioError(callFault({ code: 1000, message: "x" })).status).toBe(422);
    expect(new KerioError(callFault({ code: -32000, message: "x" })).status).toBe(502);
  });
});

describe("the query object", () => {
  it("turns table state into start/limit/orderBy/conditions", () => {
    expect(
      buildKerioQuery({ page: 3, pageSize: 50, sortColumn: "telNum", sortDirection: "desc", search: " 10 " }),
    ).toEqual({
      conditions: [{ fieldName: "QUICKSEARCH", comparator: "Like", value: "10" }],
      combining: "And",
      orderBy: [{ columnName: "telNum", direction: "Desc" }],
      start: 100,
      limit: 50,
    });
    expect(buildKerioQuery({ page: 1, pageSize: 10, search: "" })).toEqual({ start: 0, limit: 10 });
  });
});

describe("the session", () => {
  it("logs in with the application block, then sends X-Token, every cookie and the body token", async () => {
    const kerio = fakeKerio(() => ({ sipExtensionList: [], totalItems: 0 }));
    await kerio.client().call("Extensions.get", { query: { start: 0, limit: 1 } }, { kind: "read" });
    const [login, get] = kerio.sent;
    expect(login?.body).toMatchObject({
      jsonrpc: "2.0",
      method: "Session.login",
      params: {
        userName: "Admin",
        password: "pw",
        application: { name: expect.any(String), vendor: expect.any(String), version: expect.any(String) },
      },
    });
    expect(get?.body).toEqual({
      jsonrpc: "2.0",
      id: expect.any(Number),
      method: "Extensions.get",
      params: { query: { start: 0, limit: 1 } },
      token: "token-1",
    });
    expect(get?.headers["x-token"]).toBe("token-1");
    expect(get?.headers.cookie).toBe("SESSION_OPERATOR_WEBADMIN=s1; TOKEN_OPERATOR_WEBADMIN=token-1");
  });

  it("re-logs in once on -32001 and repeats a read", async () => {
    const kerio = fakeKerio((_method, _params, n) => (n === 1 ? expired() : { totalItems: 3 }));
    const result = await kerio.client().call<{ totalItems: number }>("Extensions.get", {}, { kind: "read" });
    expect(result.totalItems).toBe(3);
    expect(kerio.logins()).toBe(2);
    expect(kerio.sent.at(-1)?.headers["x-token"]).toBe("token-2");
  });

  it("never repeats a write that the appliance shows as done", async () => {
    let applied = false;
    const kerio = fakeKerio((method) => (method === "Extensions.create" ? expired() : {}));
    const result = await kerio.client().call(
      "Extensions.create",
      { detail: {} },
      {
        kind: "write",
        applied: async () => {
          applied = true;
          return { found: true };
        },
      },
    );
    expect(applied).toBe(true);
    expect(result).toEqual({ found: true });
    expect(kerio.sent.filter((s) => s.body.method === "Extensions.create")).toHaveLength(1);
  });

  it("does not repeat a write it cannot check", async () => {
    const kerio = fakeKerio(() => expired());
    await expect(kerio.client().call("Extensions.remove", { guids: [1] }, { kind: "write" })).rejects.toThrow(
      /was not repeated/,
    );
    expect(kerio.sent.filter((s) => s.body.method === "Extensions.remove")).toHaveLength(1);
  });
});

describe("Operator request bodies", () => {
  it("sends each method's params in Kerio's shape", async () => {
    const kerio = fakeKerio((method, params) => {
      if (method === "Extensions.get") {
        const conditions =
          (params.query as { conditions?: { fieldName: string; comparator: string }[] }).conditions ?? [];
        // The one-row probe of line conditions: an Operator that filters lineType has no line to show.
        if (conditions.some((c) => c.fieldName === "lineType" && c.comparator === "Eq")) {
          return { sipExtensionList: [], totalItems: 0 };
        }
        if (conditions.some((c) => c.fieldName === "telNum")) {
          return {
            sipExtensionList: [{ guid: 5, telNum: "1042", lineType: 0, sipUsername: "1042" }],
            totalItems: 1,
          };
        }
        return { sipExtensionList: [{ guid: 5, telNum: "1042", lineType: 0 }], totalItems: 1 };
      }
      if (method === "Extensions.getNextValidNumber") return new Error("-32601|Method not found.");
      if (method === "Extensions.remove") return { errors: [] };
      if (method === "Extensions.set") return { errors: [] };
      return { result: { id: { guidGroup: 5, guidLine: 6 } } };
    });
    const extensions = new OperatorExtensions(kerio.client());
    await extensions.list({ page: 2, pageSize: 25, sort: "owner", dir: "asc", q: "ann" });
    expect(kerio.sent.at(-1)?.body.params).toEqual({
      query: {
        conditions: [
          { fieldName: "lineType", comparator: "NotEq", value: "1" },
          { fieldName: "QUICKSEARCH", comparator: "Like", value: "ann" },
        ],
        combining: "And",
        orderBy: [{ columnName: "FULL_NAME", direction: "Asc" }],
        start: 25,
        limit: 25,
      },
    });
    await extensions.create({ number: "1042", description: "Desk", ownerGuid: 7 });
    const create = kerio.sent.find((s) => s.body.method === "Extensions.create");
    expect(create?.body.params).toEqual({
      detail: {
        telNum: "1042",
        description: "Desk",
        sipUsername: "1042",
        sipPassword: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
        callPermission: 1,
        userGuid: 7,
        natSupport: false,
        recordInbound: false,
        recordOutbound: false,
        dtmfMode: 0,
        faxDetect: false,
        faxDetectType: 0,
        secured: false,
      },
    });
    await extensions.update("1042", { description: "X" });
    expect(kerio.sent.find((s) => s.body.method === "Extensions.set")?.body.params).toEqual({
      guids: [5],
      detail: { description: "X" },
    });
    await extensions.remove("1042");
    expect(kerio.sent.find((s) => s.body.method === "Extensions.remove")?.body.params).toEqual({
      guids: [5],
    });
    // -32601 falls back to the lowest free number computed from the list.
    expect(await extensions.nextNumber()).toEqual({ number: "1043", source: "computed" });
    expect(kerio.sent.find((s) => s.body.method === "Extensions.getNextValidNumber")?.body.params).toEqual(
      {},
    );
  });
});
