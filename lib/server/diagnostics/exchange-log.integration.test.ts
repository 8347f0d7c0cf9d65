import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EXCHANGE_BODY_BYTES, EXCHANGES_KEPT } from "@/lib/connection-exchanges-limits";
import { HttpClient } from "@/lib/server/http/client";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { installSharedState } from "@/lib/server/shared-state/shared-state";
import { connectionExchanges, exchangeRecorder, forgetConnectionExchanges } from "./exchange-log";

/**
 * The recording hook of the per-connection HTTP client, end to end on loopback: what the log keeps, how much
 * of it, in which order, and that nothing about recording can slow or break the vendor call it watches.
 */

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const big = request.url?.startsWith("/big");
      response.writeHead(200, {
        "content-type": "application/json",
        "set-cookie": "SID=server-cookie-value",
      });
      response.end(
        big
          ? JSON.stringify({ rows: "x".repeat(3 * EXCHANGE_BODY_BYTES) })
          : `{"echo":${JSON.stringify(body)}}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  installSharedState(undefined);
});
afterEach(() => {
  installSharedState(undefined);
  vi.restoreAllMocks();
});

function client(url = baseUrl): HttpClient {
  return new HttpClient({
    baseUrl: url,
    tls: { mode: "verify" },
    connectTimeoutMs: 1_000,
    readTimeoutMs: 2_000,
  });
}

async function recorded(connectionId: string, count: number) {
  await vi.waitFor(async () => expect(await connectionExchanges(connectionId)).toHaveLength(count), {
    timeout: 5_000,
  });
  return connectionExchanges(connectionId);
}

describe("the exchange log of a connection", () => {
  it(`keeps the newest ${EXCHANGES_KEPT}, newest first, each redacted and with its timing`, async () => {
    installSharedState(new MemoryState());
    const http = client();
    http.observe(exchangeRecorder("pbx", ["the-password"]));
    for (let n = 1; n <= EXCHANGES_KEPT + 5; n++) {
      await http.request({
        method: "POST",
        path: `/call/${n}`,
        headers: { "content-type": "application/json", "x-token": "session-token-1" },
        body: JSON.stringify({ n, password: "the-password" }),
      });
    }
    // The log is full long before the last one lands: wait for that one.
    await vi.waitFor(async () =>
      expect((await connectionExchanges("pbx"))[0]?.path).toBe(`/call/${EXCHANGES_KEPT + 5}`),
    );
    const items = await recorded("pbx", EXCHANGES_KEPT);
    expect(items.map((item) => item.path)).toEqual(
      Array.from({ length: EXCHANGES_KEPT }, (_, i) => `/call/${EXCHANGES_KEPT + 5 - i}`),
    );
    const [newest] = items;
    expect(newest).toMatchObject({
      method: "POST",
      status: 200,
      failure: null,
      request: {
        headers: { "x-token": "[redacted]" },
        body: {
          text: `{"n":${EXCHANGES_KEPT + 5},"password":"[redacted]"}`,
          truncated: false,
          binary: false,
        },
      },
      response: { headers: { "set-cookie": "[redacted]", "content-type": "application/json" } },
    });
    expect(newest?.durationMs).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(items);
    for (const secret of ["the-password", "session-token-1", "server-cookie-value"])
      expect(text).not.toContain(secret);
  });

  it("cuts a long answer at 4 KiB and keeps its size", async () => {
    installSharedState(new MemoryState());
    const http = client();
    http.observe(exchangeRecorder("big", []));
    const response = await http.request({ method: "GET", path: "/big" });
    const [item] = await recorded("big", 1);
    expect(item?.response?.body).toMatchObject({ bytes: response.body.length, truncated: true });
    expect(Buffer.byteLength(item?.response?.body.text ?? "")).toBe(EXCHANGE_BODY_BYTES);
  });

  it("records an attempt that got no answer, with the reason", async () => {
    installSharedState(new MemoryState());
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const http = client(`http://127.0.0.1:${port}`);
    http.observe(exchangeRecorder("down", []));
    await expect(http.request({ method: "GET", path: "/x", retries: 0 })).rejects.toThrow(/unreachable/);
    const [item] = await recorded("down", 1);
    expect(item).toMatchObject({ status: null, failure: "ECONNREFUSED", response: null, path: "/x" });
  });

  it("never fails or holds up the vendor call when the store fails, and says so once", async () => {
    const broken = new MemoryState();
    broken.pushCapped = () => Promise.reject(new Error("store is down"));
    installSharedState(broken);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const http = client();
    http.observe(exchangeRecorder("flaky", ["pw-123456"]));
    for (let n = 0; n < 3; n++) {
      const response = await http.request({ method: "POST", path: "/ok", body: "fine" });
      expect(response.status).toBe(200);
    }
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /could not record an exchange of flaky \(Error: store is down\)/,
    );
  });

  it("keeps calling the appliance when an observer throws", async () => {
    const http = client();
    http.observe(() => {
      throw new Error("observer bug");
    });
    expect((await http.request({ method: "GET", path: "/ok" })).status).toBe(200);
  });

  it("drops a removed connection's exchanges", async () => {
    installSharedState(new MemoryState());
    const http = client();
    http.observe(exchangeRecorder("gone", []));
    await http.request({ method: "GET", path: "/ok" });
    await recorded("gone", 1);
    await forgetConnectionExchanges("gone");
    expect(await connectionExchanges("gone")).toEqual([]);
  });
});
