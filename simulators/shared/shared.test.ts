import { get } from "node:http";
import { request } from "node:https";
import type { TLSSocket } from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { createClock } from "./clock";
import { type ConnectionOverflow, connectionLimitFromEnv } from "./connection-limit";
import { type Faults, faultsFromEnv, NO_FAULTS, withFaults } from "./faults";
import { createRandom } from "./random";
import { type Listening, listen } from "./server";

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function serve(faults: Faults, https = false) {
  const handler = withFaults((_req, res) => void res.end("ok"), faults, createRandom(7));
  const server = await listen(handler, { https });
  running.push(server);
  return server;
}

describe("seeded random", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const draw = (r: ReturnType<typeof createRandom>) => [r.int(0, 1000), r.hex(8), r.pick(["x", "y", "z"])];
    expect(draw(a)).toEqual(draw(b));
    expect(draw(createRandom(42))).not.toEqual(draw(c));
  });
});

describe("simulator clock", () => {
  it("runs ahead or behind real time by its offset", () => {
    const clock = createClock(-600_000);
    expect(Math.round((Date.now() - clock.now()) / 1000)).toBe(600);
    clock.offsetMs = 240_000;
    expect(Math.round((clock.now() - Date.now()) / 1000)).toBe(240);
  });
});

describe("faults on demand", () => {
  it("answers normally with no faults", async () => {
    const server = await serve({ ...NO_FAULTS });
    const response = await fetch(server.baseUrl);
    expect(await response.text()).toBe("ok");
  });

  it("fails with 500, answers malformed bodies, drops connections and adds latency when asked", async () => {
    const failing = await serve({ ...NO_FAULTS, failRate: 1 });
    expect((await fetch(failing.baseUrl)).status).toBe(500);

    const malformed = await serve({ ...NO_FAULTS, malformedRate: 1 });
    await expect((await fetch(malformed.baseUrl)).json()).rejects.toThrow();

    const dropping = await serve({ ...NO_FAULTS, dropRate: 1 });
    await expect(fetch(dropping.baseUrl)).rejects.toThrow();

    const slow = await serve({ ...NO_FAULTS, latencyMs: 300 });
    const started = performance.now();
    await fetch(slow.baseUrl);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("reads faults from the environment and rejects nonsense with the variable's name", () => {
    expect(faultsFromEnv({ SIM_FAIL_RATE: "0.25", SIM_LATENCY_MS: "50" })).toEqual({
      ...NO_FAULTS,
      failRate: 0.25,
      latencyMs: 50,
    });
    expect(() => faultsFromEnv({ SIM_DROP_RATE: "2" })).toThrow(/SIM_DROP_RATE/);
    expect(() => faultsFromEnv({ SIM_LATENCY_MS: "soon" })).toThrow(/SIM_LATENCY_MS/);
  });
});

describe("HTTPS listener", () => {
  it("serves a self-signed certificate whose fingerprint it reports", async () => {
    const server = await serve({ ...NO_FAULTS }, true);
    expect(server.baseUrl).toMatch(/^https:/);
    const presented = await new Promise<string>((resolve, reject) => {
      const req = request(server.baseUrl, { rejectUnauthorized: false }, (res) => {
        resolve((res.socket as TLSSocket).getPeerCertificate().fingerprint256);
        res.resume();
      });
      req.on("error", reject);
      req.end();
    });
    expect(presented).toBe(server.tls?.fingerprint256);
    // Without pinning or the CA, a client that verifies certificates refuses it, as it would an appliance's.
    await expect(fetch(server.baseUrl)).rejects.toThrow();
  });
});

describe("connection limit", () => {
  /** A server of two workers whose answers wait until the test lets them go; it counts what it serves at once. */
  async function twoWorkers(overflow: ConnectionOverflow) {
    const held: Array<() => void> = [];
    let serving = 0;
    let most = 0;
    const server = await listen(
      async (_req, res) => {
        most = Math.max(most, ++serving);
        await new Promise<void>((resolve) => held.push(resolve));
        serving--;
        res.end("ok");
      },
      { connectionLimit: { count: 2, overflow } },
    );
    running.push(server);
    return { server, held, most: () => most };
  }

  /** One request on a connection of its own, so `close` sees one connection per request. */
  const ask = (url: string) =>
    new Promise<{ status: number; retryAfter?: string } | { failed: string }>((resolve) => {
      get(url, { agent: false }, (res) => {
        res.resume();
        const retryAfter = res.headers["retry-after"];
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ...(retryAfter && { retryAfter }) }));
      }).on("error", (error: NodeJS.ErrnoException) => resolve({ failed: error.code ?? error.message }));
    });

  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it("queue: a request past the limit waits for a worker, and every request is answered", async () => {
    const { server, held, most } = await twoWorkers("queue");
    const answers = Array.from({ length: 5 }, () => ask(server.baseUrl));
    for (let released = 0; released < 5; released++) {
      await until(() => held.length > 0);
      held.shift()!();
    }
    expect(await Promise.all(answers)).toEqual(Array(5).fill({ status: 200 }));
    expect(most()).toBe(2);
  });

  it.each([
    ["busy", undefined],
    ["busy-retry-after", "1"],
  ] as const)(
    "%s: a request past the limit is answered 503 at once, Retry-After %s",
    async (overflow, retryAfter) => {
      const { server, held } = await twoWorkers(overflow);
      const first = [ask(server.baseUrl), ask(server.baseUrl)];
      await until(() => held.length === 2);
      expect(await ask(server.baseUrl)).toEqual({ status: 503, retryAfter });
      for (const release of held) release();
      expect(await Promise.all(first)).toEqual([{ status: 200 }, { status: 200 }]);
    },
  );

  it("close: a connection past the limit is closed without an answer", async () => {
    const { server, held } = await twoWorkers("close");
    const first = [ask(server.baseUrl), ask(server.baseUrl)];
    await until(() => held.length === 2);
    expect(await ask(server.baseUrl)).toHaveProperty("failed");
    for (const release of held) release();
    expect(await Promise.all(first)).toEqual([{ status: 200 }, { status: 200 }]);
  });

  it("reads the limit from the environment, none by default, and names a wrong variable", () => {
    expect(connectionLimitFromEnv({})).toBeUndefined();
    expect(connectionLimitFromEnv({ SIM_CONNECTION_LIMIT: "4" })).toEqual({ count: 4, overflow: "queue" });
    expect(connectionLimitFromEnv({ SIM_CONNECTION_LIMIT: "1", SIM_CONNECTION_OVERFLOW: "busy" })).toEqual({
      count: 1,
      overflow: "busy",
    });
    expect(() => connectionLimitFromEnv({ SIM_CONNECTION_LIMIT: "0" })).toThrow(/SIM_CONNECTION_LIMIT/);
    expect(() => connectionLimitFromEnv({ SIM_CONNECTION_OVERFLOW: "drop" })).toThrow(
      /SIM_CONNECTION_OVERFLOW/,
    );
  });
});
