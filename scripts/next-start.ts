/**
 * How the console is started, by `npm start`, the demo and the benches: `next start` keeping idle keep-alive
 * connections for 75 s, longer than a reverse proxy keeps its pooled connections to the console (nginx's
 * upstream `keepalive_timeout` is 60 s, docs/deployment.md). With Node.js's default of 5 s the proxy may send a
 * request on a connection the console is closing: a write then fails with 502, and nginx does not send it
 * again. And every connection closed must be accepted anew, while Node.js 20 accepts one new connection per
 * turn of its event loop (libuv 1.45), which under load takes hundreds of milliseconds (docs/benchmarks.md).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 75_000;

/** The arguments after `node` for a console on this port (and host). */
export function nextStartArguments(nextBin: string, port: string | number, host?: string): string[] {
  return [
    nextBin,
    "start",
    "-p",
    String(port),
    ...(host ? ["-H", host] : []),
    "--keepAliveTimeout",
    String(KEEP_ALIVE_TIMEOUT_MS),
  ];
}
