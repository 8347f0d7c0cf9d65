import type { IncomingMessage, ServerResponse } from "node:http";
import type { Random } from "./random";

/**
 * Faults on demand. Every simulator passes each request through these before its own handler, so the
 * console's retry, timeout and error paths can be exercised against any vendor. All fields are mutable
 * while the simulator runs; tests flip them between requests.
 */
export interface Faults {
  /** Delay added before every answer, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of requests answered with HTTP 500. */
  failRate: number;
  /** Share (0..1) of requests answered with a truncated, unparsable body and status 200. */
  malformedRate: number;
  /** Share (0..1) of requests whose connection is destroyed without an answer. */
  dropRate: number;
}

export const NO_FAULTS: Readonly<Faults> = { latencyMs: 0, failRate: 0, malformedRate: 0, dropRate: 0 };

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export function withFaults(handler: Handler, faults: Faults, random: Random): Handler {
  return async (req, res) => {
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.dropRate > 0 && random.chance(faults.dropRate)) {
      req.socket.destroy();
      return;
    }
    if (faults.failRate > 0 && random.chance(faults.failRate)) {
      res.writeHead(500, { "content-type": "text/html" });
      res.end("<html><body><h1>500 Internal Server Error</h1></body></html>");
      return;
    }
    if (faults.malformedRate > 0 && random.chance(faults.malformedRate)) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"result": {"truncat');
      return;
    }
    await handler(req, res);
  };
}

/** Reads fault settings from the environment (SIM_LATENCY_MS, SIM_FAIL_RATE, SIM_MALFORMED_RATE, SIM_DROP_RATE). */
export function faultsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Faults {
  const rate = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return 0;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new Error(`${name} must be a number between 0 and 1, got "${raw}"`);
    }
    return value;
  };
  const latency = Number(env.SIM_LATENCY_MS ?? 0);
  if (!Number.isFinite(latency) || latency < 0) {
    throw new Error(
      `SIM_LATENCY_MS must be a non-negative number of milliseconds, got "${env.SIM_LATENCY_MS}"`,
    );
  }
  return {
    latencyMs: latency,
    failRate: rate("SIM_FAIL_RATE"),
    malformedRate: rate("SIM_MALFORMED_RATE"),
    dropRate: rate("SIM_DROP_RATE"),
  };
}
