import { createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback HTTP proxy in front of a simulator, for fault tests. It records every request that reaches it
 * (with its arrival time, to measure backoff) and can lose an answer *after* the simulator handled the
 * request: the one fault the simulators' own switches cannot make (they fail before their handler runs),
 * and the one that decides whether a write may be sent twice.
 */

export interface SeenRequest {
  method: string;
  url: string;
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
}

export type RequestMatcher = (request: SeenRequest) => boolean;

export interface FaultProxy {
  baseUrl: string;
  requests: SeenRequest[];
  /** The next `count` requests that match get an HTTP 500 without reaching the simulator. */
  failNext(count: number, matches?: RequestMatcher): void;
  /** The next request that matches is handled by the simulator, then its connection is closed unanswered. */
  loseNextAnswer(matches?: RequestMatcher): void;
  /** Forget the recorded requests and any pending faults. */
  reset(): void;
  close(): Promise<void>;
}

const everything: RequestMatcher = () => true;

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(targetBaseUrl: string): Promise<FaultProxy> {
  const target = new URL(targetBaseUrl);
  const requests: SeenRequest[] = [];
  let failures: { left: number; matches: RequestMatcher } = { left: 0, matches: everything };
  let lose: RequestMatcher | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await bodyOf(req);
    const seen: SeenRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      body: body.toString("utf8"),
      at: performance.now(),
    };
    requests.push(seen);
    if (failures.left > 0 && failures.matches(seen)) {
      failures.left -= 1;
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>500 Internal Server Error</h1>");
      return;
    }
    const loseThis = lose?.(seen) === true;
    if (loseThis) lose = null;
    const upstream = forward({
      host: target.hostname,
      port: target.port,
      method: seen.method,
      path: seen.url,
      headers: { ...req.headers, host: target.host },
    });
    upstream.on("response", async (answer) => {
      const payload = await bodyOf(answer);
      if (loseThis) {
        // The simulator did the work; the console never hears about it.
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers).end(payload);
    });
    // The simulator dropped the connection (its own dropRate): drop ours too.
    upstream.on("error", () => req.socket.destroy());
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, "")}`,
    requests,
    failNext(count, matches = everything) {
      failures = { left: count, matches };
    },
    loseNextAnswer(matches = everything) {
      lose = matches;
    },
    reset() {
      requests.length = 0;
      failures = { left: 0, matches: everything };
      lose = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
