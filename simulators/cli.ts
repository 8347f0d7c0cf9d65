/**
 * Starts all vendor simulators on loopback and prints their base URLs and demo credentials:
 *   npm run simulators [-- --json] [--https] [--seed N] [--ports fixed|free] [--host 127.0.0.1]
 * Each simulator can also run alone: `npx tsx simulators/<vendor>/main.ts --help`.
 * Faults for all of them come from SIM_LATENCY_MS, SIM_FAIL_RATE, SIM_MALFORMED_RATE, SIM_DROP_RATE, and a cap on
 * the requests each serves at once from SIM_CONNECTION_LIMIT and SIM_CONNECTION_OVERFLOW (queue, close, busy,
 * busy-retry-after).
 */
import { parseArgs } from "node:util";
import { describeSimulators, startAllSimulators } from "./all";
import { connectionLimitFromEnv } from "./shared/connection-limit";
import { faultsFromEnv } from "./shared/faults";

async function main() {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      https: { type: "boolean", default: false },
      seed: { type: "string" },
      ports: { type: "string", default: "fixed" },
      host: { type: "string", default: "127.0.0.1" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "Usage: npm run simulators -- [--json] [--https] [--seed N] [--ports fixed|free] [--host ADDR]",
    );
    return;
  }
  if (values.ports !== "fixed" && values.ports !== "free")
    throw new Error(`--ports must be fixed or free, got "${values.ports}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const faults = faultsFromEnv();

  const simulators = await startAllSimulators({
    https: values.https,
    seed,
    ports: values.ports,
    host: values.host,
    connectionLimit: connectionLimitFromEnv(),
  });
  for (const simulator of simulators) Object.assign(simulator.faults, faults);
  const description = describeSimulators(simulators);
  if (values.json) {
    console.log(JSON.stringify(description));
  } else {
    for (const simulator of description.simulators) {
      const credentials = Object.entries(simulator.credentials)
        .map(([key, value]) => `${key}=${value}`)
        .join("  ");
      console.log(`${simulator.kind.padEnd(15)} ${simulator.baseUrl}\n${" ".repeat(16)}${credentials}`);
      if (simulator.tls) console.log(`${" ".repeat(16)}certificate sha256 ${simulator.tls.fingerprint256}`);
    }
    console.log("\nPress Ctrl+C to stop.");
  }
  const stop = () =>
    void Promise.all(simulators.map((simulator) => simulator.close())).then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`Simulators could not start: ${error.message}`);
  process.exit(1);
});
