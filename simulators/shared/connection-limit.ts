import type { Server } from "node:http";
import type { Handler } from "./faults";

/**
 * How many requests an appliance serves at once, and what it does with the next one. No vendor document
 * says either, so this is a switch every simulator takes, and the console must work under each value:
 * - `queue`: the request waits for one of `count` workers (a web server in front of a pool of PHP workers);
 * - `close`: a connection past `count` is closed as soon as it is accepted (a small embedded web server);
 * - `busy`: a request past `count` gets `503 Service Unavailable` (a server or proxy that sheds load), without
 *   `Retry-After`, as nginx's `limit_conn` and HAProxy answer by default;
 * - `busy-retry-after`: the same 503 with `Retry-After: 1` (a server that says when to come back).
 * Our default is no limit: the documents give no figure, and a limit we invented would hide the others.
 */
export const CONNECTION_OVERFLOWS = ["queue", "close", "busy", "busy-retry-after"] as const;
export type ConnectionOverflow = (typeof CONNECTION_OVERFLOWS)[number];

export interface ConnectionLimit {
  /** Requests (`queue`, `busy`) or open connections (`close`) served at once. */
  count: number;
  overflow: ConnectionOverflow;
}

/** Applies a limit to a server and its handler; without one the handler is returned as it is. */
export function limitConnections(
  server: Server,
  handler: Handler,
  limit: ConnectionLimit | undefined,
): Handler {
  if (!limit) return handler;
  if (limit.overflow === "close") {
    // Node closes every connection accepted past this many, before reading a byte of it.
    server.maxConnections = limit.count;
    return handler;
  }
  let serving = 0;
  const waiting: Array<() => void> = [];
  const done = () => {
    serving--;
    const next = waiting.shift();
    if (next) {
      serving++;
      next();
    }
  };
  return async (req, res) => {
    if (serving >= limit.count) {
      if (limit.overflow === "busy" || limit.overflow === "busy-retry-after") {
        res.writeHead(503, {
          "content-type": "text/html",
          ...(limit.overflow === "busy-retry-after" && { "retry-after": "1" }),
        });
        res.end("<html><body><h1>503 Service Unavailable</h1></body></html>");
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      serving++;
    }
    // A worker is free again when its answer is sent or its client has gone, whichever comes first.
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      done();
    };
    res.once("finish", free);
    res.once("close", free);
    await handler(req, res);
  };
}

/** Reads a limit from SIM_CONNECTION_LIMIT (a count) and SIM_CONNECTION_OVERFLOW (default `queue`). */
export function connectionLimitFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ConnectionLimit | undefined {
  const raw = env.SIM_CONNECTION_LIMIT;
  const overflow = env.SIM_CONNECTION_OVERFLOW ?? "queue";
  if (!(CONNECTION_OVERFLOWS as readonly string[]).includes(overflow)) {
    throw new Error(
      `SIM_CONNECTION_OVERFLOW must be one of ${CONNECTION_OVERFLOWS.join(", ")}, got "${overflow}"`,
    );
  }
  if (raw === undefined || raw === "") return undefined;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`SIM_CONNECTION_LIMIT must be a whole number of at least 1, got "${raw}"`);
  }
  return { count, overflow: overflow as ConnectionOverflow };
}
