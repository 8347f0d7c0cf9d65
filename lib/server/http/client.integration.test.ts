import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TlsSettings } from "@/lib/api/connections";
import { CONNECTION_DEFAULTS } from "@/lib/connection-kinds";
import { localize } from "@/lib/i18n/api-messages/localize";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { CONNECTION_OVERFLOWS } from "@/simulators/shared/connection-limit";
import { type Listening, listen } from "@/simulators/shared/server";
import { captureLogs } from "@/testing/log-capture";
import { HttpClient, type HttpClientOptions, withHttpClient } from "./client";

const DEFAULT_PARALLEL_REQUESTS = CONNECTION_DEFAULTS.parallelRequests;

/** A handler that counts requests and answers by path. */
function counting() {
  const state = { requests: 0, failuresLeft: 0, drops: 0 };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    state.requests += 1;
    if (req.url?.startsWith("/flaky") && state.failuresLeft > 0) {
      state.failuresLeft -= 1;
      const query = new URL(req.url, "http://appliance").searchParams;
      const retryAfter = query.get("retryAfter");
      const inSeconds = query.get("retryAfterSeconds");
      res
        .writeHead(Number(query.get("status") ?? 503), {
          ...(retryAfter !== null && { "retry-after": retryAfter }),
          // As an HTTP-date, that many seconds after this answer.
          ...(inSeconds !== null && {
            "retry-after": new Date(Date.now() + Number(inSeconds) * 1000).toUTCString(),
          }),
        })
        .end("failed");
      return;
    }
    if (req.url?.startsWith("/drop") && state.drops > 0) {
      state.drops -= 1;
      req.socket.destroy();
      return;
    }
    if (req.url?.startsWith("/big")) {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      // No content-length: the bound must hold while streaming, not only on the declared size.
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 97));
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" }).end(`hello ${req.method} ${req.url}`);
  };
  return { state, handler };
}

let httpsA: Listening;
let httpsB: Listening;
let plain: Listening;
const a = counting();
const plainCounter = counting();
let silent: Server;
let silentPort = 0;
const silentSockets = new Set<Socket>();
let closedPort = 0;

beforeAll(async () => {
  [httpsA, httpsB, plain] = await Promise.all([
    listen(a.handler, { https: true }),
    listen(() => undefined, { https: true }),
    listen(plainCounter.handler),
  ]);
  // Accepts TCP connections and never says a word: neither TLS nor HTTP completes.
  silent = createServer((socket) => {
    silentSockets.add(socket);
    socket.on("close", () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPort = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  await Promise.all([httpsA.close(), httpsB.close(), plain.close()]);
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

function options(
  baseUrl: string,
  tls: TlsSettings,
  extra: Partial<HttpClientOptions> = {},
): HttpClientOptions {
  return { baseUrl, tls, connectTimeoutMs: 1_000, readTimeoutMs: 1_000, ...extra };
}

async function failure(run: () => Promise<unknown>): Promise<VendorError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error("expected a VendorError");
}

const get = (client: HttpClient, path = "/") => client.request({ method: "GET", path });

describe("HTTP client TLS modes", () => {
  it("verify: refuses a self-signed certificate before sending a byte, and describes it", async () => {
    const before = a.state.requests;
    const error = await failure(() => withHttpClient(options(httpsA.baseUrl, { mode: "verify" }), get));
    expect(error.outcome).toBe("certificate_untrusted");
    expect(error.message).toContain("self-signed");
    expect(error.message).toContain(httpsA.tls?.fingerprint256);
    expect(error.certificate).toMatchObject({
      fingerprint256: httpsA.tls?.fingerprint256,
      selfSigned: true,
      trusted: false,
    });
    expect(a.state.requests).toBe(before);
  });

  it("verify with the server's certificate as the custom CA: accepted", async () => {
    const response = await withHttpClient(
      options(httpsA.baseUrl, { mode: "verify", ca: httpsA.tls?.certPem }),
      (client) => get(client, "/ca"),
    );
    expect(response.text()).toBe("hello GET /ca");
  });

  it("verify with another server's certificate as the CA: still refused", async () => {
    const error = await failure(() =>
      withHttpClient(options(httpsA.baseUrl, { mode: "verify", ca: httpsB.tls?.certPem }), get),
    );
    expect(error.outcome).toBe("certificate_untrusted");
  });

  it("pin: accepts exactly the pinned self-signed certificate and records it", async () => {
    const client = new HttpClient(
      options(httpsA.baseUrl, { mode: "pin", fingerprint256: httpsA.tls?.fingerprint256 ?? "" }),
    );
    try {
      expect((await get(client, "/pinned")).status).toBe(200);
      expect(client.peerCertificate()?.fingerprint256).toBe(httpsA.tls?.fingerprint256);
    } finally {
      await client.close();
    }
  });

  it("pin: refuses another certificate, naming both fingerprints, and sends nothing", async () => {
    const before = a.state.requests;
    const pinned = httpsB.tls?.fingerprint256 ?? "";
    const error = await failure(() =>
      withHttpClient(options(httpsA.baseUrl, { mode: "pin", fingerprint256: pinned }), get),
    );
    expect(error.outcome).toBe("certificate_mismatch");
    expect(error.message).toContain(`presented ${httpsA.tls?.fingerprint256}`);
    expect(error.message).toContain(`pins ${pinned}`);
    expect(a.state.requests).toBe(before);
  });

  it("insecure: accepts anything", async () => {
    const response = await withHttpClient(options(httpsA.baseUrl, { mode: "insecure" }), get);
    expect(response.status).toBe(200);
  });

  it("plain HTTP has no certificate; https:// to a plain HTTP port says so", async () => {
    const client = new HttpClient(options(plain.baseUrl, { mode: "verify" }));
    try {
      expect((await get(client)).status).toBe(200);
      expect(client.peerCertificate()).toBeNull();
    } finally {
      await client.close();
    }
    const error = await failure(() =>
      withHttpClient(options(plain.baseUrl.replace("http:", "https:"), { mode: "insecure" }), get),
    );
    expect(error.outcome).toBe("tls_error");
    expect(error.message).toContain("does not speak TLS");
  });
});

describe("HTTP client failures and bounds", () => {
  it("reports a silent host within the connect timeout", async () => {
    const started = Date.now();
    const error = await failure(() =>
      withHttpClient(
        options(
          `https://127.0.0.1:${silentPort}`,
          { mode: "insecure" },
          { connectTimeoutMs: 300, retries: 0 },
        ),
        get,
      ),
    );
    expect(error.outcome).toBe("timeout");
    expect(error.message).toContain("connect timeout (0.3 s)");
    // In Italian with the Italian decimal mark.
    expect(localize(error.text, "it")).toContain("(0,3 s)");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports a host that accepts but never answers within the read timeout", async () => {
    const started = Date.now();
    const error = await failure(() =>
      withHttpClient(
        options(`http://127.0.0.1:${silentPort}`, { mode: "verify" }, { readTimeoutMs: 300 }),
        get,
      ),
    );
    expect(error.outcome).toBe("timeout");
    expect(error.message).toContain("read timeout (0.3 s)");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports a closed port as unreachable", async () => {
    const error = await failure(() =>
      withHttpClient(options(`http://127.0.0.1:${closedPort}`, { mode: "verify" }, { retries: 0 }), get),
    );
    expect(error.outcome).toBe("unreachable");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("bounds the response size while streaming", async () => {
    const error = await failure(() =>
      withHttpClient(
        options(plain.baseUrl, { mode: "verify" }, { maxResponseBytes: 1024 * 1024 }),
        (client) => get(client, "/big"),
      ),
    );
    expect(error.outcome).toBe("unexpected_response");
    expect(error.message).toContain("1024 KiB");
  });

  it("retries idempotent reads with backoff; a write only when the appliance turned it away", async () => {
    await withHttpClient(options(plain.baseUrl, { mode: "verify" }), async (client) => {
      plainCounter.state.failuresLeft = 2;
      let before = plainCounter.state.requests;
      expect((await get(client, "/flaky?status=500")).status).toBe(200);
      expect(plainCounter.state.requests - before).toBe(3);

      // A 500 may come after the appliance acted: the write is not sent again.
      plainCounter.state.failuresLeft = 2;
      before = plainCounter.state.requests;
      const write = await client.request({ method: "POST", path: "/flaky?status=500", body: "x" });
      expect(write.status).toBe(500);
      expect(plainCounter.state.requests - before).toBe(1);

      // A 503 or 429 says it did not act on it: the write is asked again.
      for (const status of [503, 429]) {
        plainCounter.state.failuresLeft = 2;
        before = plainCounter.state.requests;
        const turnedAway = await client.request({
          method: "POST",
          path: `/flaky?status=${status}`,
          body: "x",
        });
        expect(turnedAway.status).toBe(200);
        expect(plainCounter.state.requests - before).toBe(3);
      }
      plainCounter.state.failuresLeft = 0;

      plainCounter.state.drops = 1;
      expect((await get(client, "/drop")).status).toBe(200);
    });
  });

  it("waits as long as a turned-away answer's Retry-After asks, and passes the answer on when that is long", async () => {
    await withHttpClient(options(plain.baseUrl, { mode: "verify" }), async (client) => {
      const attempt = async (path: string, method: "GET" | "POST" = "GET") => {
        const before = plainCounter.state.requests;
        const started = performance.now();
        const response = await client.request({ method, path, ...(method === "POST" && { body: "x" }) });
        return {
          status: response.status,
          requests: plainCounter.state.requests - before,
          waitedMs: performance.now() - started,
        };
      };

      plainCounter.state.failuresLeft = 1;
      const waited = await attempt("/flaky?status=503&retryAfter=1", "POST");
      expect(waited).toMatchObject({ status: 200, requests: 2 });
      expect(waited.waitedMs).toBeGreaterThanOrEqual(950);

      // An hour, in seconds or as a date: the appliance will turn the next ones away too.
      for (const path of ["/flaky?status=429&retryAfter=3600", "/flaky?status=503&retryAfterSeconds=3600"]) {
        plainCounter.state.failuresLeft = 3;
        const passedOn = await attempt(path);
        expect(passedOn.status).toBe(path.includes("429") ? 429 : 503);
        expect(passedOn.requests).toBe(1);
        expect(passedOn.waitedMs).toBeLessThan(900);
      }

      // Neither form: the client's own backoff, as without the header.
      plainCounter.state.failuresLeft = 2;
      expect(await attempt("/flaky?status=503&retryAfter=soon")).toMatchObject({ status: 200, requests: 3 });
      plainCounter.state.failuresLeft = 0;
    });
  });
});

describe("requests at once", () => {
  it(`carries ${DEFAULT_PARALLEL_REQUESTS} requests at once, so none waits in the console while the appliance is free`, async () => {
    // The appliance answers nobody until every request has arrived: with fewer sockets than requests the rest
    // would wait in the console's pool, and this run would end in read timeouts instead.
    const held: ServerResponse[] = [];
    const sockets = new Set<unknown>();
    const appliance = await listen((req, res) => {
      sockets.add(req.socket);
      held.push(res);
      if (held.length === DEFAULT_PARALLEL_REQUESTS)
        for (const waiting of held) waiting.writeHead(200).end("ok");
    });
    try {
      const answers = await withHttpClient(
        options(appliance.baseUrl, { mode: "verify" }, { readTimeoutMs: 5_000 }),
        (client) =>
          Promise.all(
            Array.from({ length: DEFAULT_PARALLEL_REQUESTS }, (_, n) =>
              client.request({ method: "GET", path: `/${n}` }),
            ),
          ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(DEFAULT_PARALLEL_REQUESTS).fill(200));
      expect(sockets.size).toBe(DEFAULT_PARALLEL_REQUESTS);
    } finally {
      await appliance.close();
    }
  });
});

describe("requests at once, against an appliance that takes fewer", () => {
  /** An appliance that serves `limit` requests at once, each in 20 ms, and counts the most it saw together. */
  async function applianceOf(overflow: (typeof CONNECTION_OVERFLOWS)[number], limit: number) {
    const seen = { serving: 0, most: 0, answered: 0 };
    const appliance = await listen(
      async (_req, res) => {
        seen.most = Math.max(seen.most, ++seen.serving);
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen.serving--;
        seen.answered++;
        res.writeHead(200).end("ok");
      },
      { connectionLimit: { count: limit, overflow } },
    );
    return { appliance, seen };
  }

  it("says in the log, once, that the appliance turned requests away and how many it now sends at once", async () => {
    const { appliance } = await applianceOf("busy", 3);
    const logs = captureLogs();
    const said = () => logs.lines.filter((line) => line.msg.includes("turned requests away"));
    try {
      await withHttpClient(
        options(appliance.baseUrl, { mode: "verify" }, { vendor: "Kiwire", readTimeoutMs: 5_000 }),
        async (client) => {
          await Promise.all(
            Array.from({ length: 20 }, (_, n) => client.request({ method: "GET", path: `/${n}` })),
          );
          // The line waits for the limit to settle, a second after the first request turned away.
          for (let waited = 0; said().length === 0 && waited < 3_000; waited += 50) await sleep(50);
          await Promise.all(
            Array.from({ length: 20 }, (_, n) => client.request({ method: "GET", path: `/${n}` })),
          );
        },
      );
    } finally {
      logs.restore();
      await appliance.close();
    }
    expect(said()).toHaveLength(1);
    expect(said()[0]).toMatchObject({ level: "warn" });
    // Three at once is where the appliance turns the fourth away: the limit settles at three or below.
    const [, settledAt] = /at most (\d+) at once/.exec(said()[0]?.msg ?? "") ?? [];
    expect(Number(settledAt)).toBeLessThanOrEqual(3);
    expect(said()[0]?.msg).toMatch(
      /^\[http\] Kiwire at 127\.0\.0\.1:\d+ turned requests away \(HTTP 503\): the console now sends it at most \d at once, where the connection allows 16\./,
    );
  });

  it("never sends more than the connection's parallelRequests", async () => {
    const { appliance, seen } = await applianceOf("queue", 64);
    try {
      await withHttpClient(
        options(appliance.baseUrl, { mode: "verify" }, { parallelRequests: 3 }),
        (client) =>
          Promise.all(Array.from({ length: 12 }, (_, n) => client.request({ method: "GET", path: `/${n}` }))),
      );
      expect(seen).toMatchObject({ most: 3, answered: 12 });
    } finally {
      await appliance.close();
    }
  });

  // The documents give no appliance's limit, nor what it does past it: every read must come back under each.
  it.each(CONNECTION_OVERFLOWS)(
    "answers every read when the appliance takes 3 at once and %s the rest",
    async (overflow) => {
      const { appliance } = await applianceOf(overflow, 3);
      try {
        const answers = await withHttpClient(
          options(appliance.baseUrl, { mode: "verify" }, { readTimeoutMs: 5_000 }),
          (client) =>
            Promise.all(
              Array.from({ length: 40 }, (_, n) => client.request({ method: "GET", path: `/${n}` })),
            ),
        );
        expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200));
      } finally {
        await appliance.close();
      }
    },
  );

  it("sends a write again when the appliance closed its connection during the TLS handshake, before any of it went", async () => {
    const seen = { answered: 0 };
    const appliance = await listen(
      async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen.answered++;
        res.writeHead(200).end("ok");
      },
      { https: true, connectionLimit: { count: 3, overflow: "close" } },
    );
    try {
      const writes = await withHttpClient(
        options(appliance.baseUrl, { mode: "insecure" }, { readTimeoutMs: 5_000 }),
        (client) =>
          Promise.all(
            Array.from({ length: 10 }, (_, n) =>
              client.request({ method: "POST", path: `/write/${n}`, body: "{}" }),
            ),
          ),
      );
      expect(writes.map((answer) => answer.status)).toEqual(Array(10).fill(200));
      expect(seen.answered).toBe(10);
    } finally {
      await appliance.close();
    }
  });

  it.each(["close", "busy"] as const)(
    "sends writes, which are never repeated, only as many at once as the appliance showed it takes (%s)",
    async (overflow) => {
      const { appliance, seen } = await applianceOf(overflow, 3);
      try {
        await withHttpClient(
          options(appliance.baseUrl, { mode: "verify" }, { readTimeoutMs: 5_000 }),
          async (client) => {
            await Promise.all(
              Array.from({ length: 20 }, (_, n) => client.request({ method: "GET", path: `/${n}` })),
            );
            const before = seen.answered;
            const writes = await Promise.all(
              Array.from({ length: 6 }, (_, n) =>
                client.request({ method: "POST", path: `/write/${n}`, body: "{}" }),
              ),
            );
            expect(writes.map((answer) => answer.status)).toEqual(Array(6).fill(200));
            expect(seen.answered - before).toBe(6);
          },
        );
      } finally {
        await appliance.close();
      }
    },
  );
});
