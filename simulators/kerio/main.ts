import { parseArgs } from "node:util";
import { connectionLimitFromEnv } from "../shared/connection-limit";
import { faultsFromEnv } from "../shared/faults";
import {
  KERIO_PRODUCTS,
  type RunningKerioSimulator,
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "./simulator";
import { flagName, VARIANT_CHOICES, type VariantChoice } from "./variants";

/**
 * Runs the Kerio simulators alone: `npx tsx simulators/kerio/main.ts [--product operator|connect|control|all]`.
 * Without --port each product listens on its appliance port (4021, 4040, 4081), so scripts written for a
 * real server only need the host changed.
 */

const USAGE = `Usage: npx tsx simulators/kerio/main.ts [options]
  --product <operator|connect|control|all>  which simulator(s) to start (default all)
  --port <n>               listen port (single product only; default the appliance port, 0 = any free port)
  --host <address>         listen address (default 127.0.0.1)
  --https                  serve HTTPS with a self-signed certificate (real appliances only speak HTTPS)
  --seed <n>               data seed (default 1)
  --session-timeout-ms <n> idle session lifetime (default 1800000)
  --extensions <n>         Operator: extension numbers to seed (default 2000)
  --users <n>              Operator: PBX users (default 3/4 of the extensions)
  --domains <n>            Connect: mail domains (default 3)
  --users-per-domain <n>   Connect: users per domain (default 100)
  --license-limit <n>      Connect: enabled users the licence allows (default 500)
  --ip-entries <n>         Control: IP address group entries (default 40)
  --confirm-timeout-ms <n> Control: time to confirm an apply before it reverts (default 60000)
  --open-admin             Control: accept admin requests from any address (default: only the
                           "Remote administration" group: loopback, 10.8.0.0/24, 172.16.0.0/12, ...)
Open behaviours (README "Switches"; the default first):
  --body-token <optional|required>          all: must calls carry the token in the body too
  --token-cookie <ignored|required>         all: must calls send the TOKEN_*_WEBADMIN cookie back
  --row-limit <n>                           all: the appliance's own cap on rows per answer (default none)
  --search-field <both|QUICKSEARCH|SEARCH>  Operator: which quick-search pseudo-field the build knows
  --line-conditions <honoured|ignored|refused>  Operator: conditions on lineType / parentId
  --create-detail <partial|full>            Operator: Extensions.create needs every detail key
  --create-answer <ids|empty>               Operator: Extensions.create answers the new ids or {}
  --create-refusal <call|item>              Operator: Extensions.create refuses call-level or per item
  --next-valid-number <present|absent>      Operator: Extensions.getNextValidNumber exists
  --created-ids <final|temporary>           Control: created entries carry tmp-N ids until apply
  --set-details <merge|replace|whole>       Control: how IpAddressGroups.set treats absent members
Fault injection: SIM_LATENCY_MS, SIM_FAIL_RATE, SIM_MALFORMED_RATE, SIM_DROP_RATE;
SIM_CONNECTION_LIMIT and SIM_CONNECTION_OVERFLOW (queue, close, busy or busy-retry-after) cap the requests served at once.`;

/** The variant switches given on the command line, checked against their values. */
function variantFlags(values: Record<string, unknown>): Record<string, string | number> {
  const chosen: Record<string, string | number> = {};
  for (const [choice, allowed] of Object.entries(VARIANT_CHOICES)) {
    const value = values[flagName(choice as VariantChoice)];
    if (value === undefined) continue;
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      throw new Error(`--${flagName(choice as VariantChoice)} must be one of ${allowed.join(", ")}`);
    }
    chosen[choice] = value;
  }
  const rowLimit = integer(values["row-limit"] as string | undefined, "row-limit");
  if (rowLimit !== undefined) chosen.rowLimit = rowLimit;
  return chosen;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      product: { type: "string", default: "all" },
      port: { type: "string" },
      host: { type: "string" },
      https: { type: "boolean", default: false },
      seed: { type: "string" },
      "session-timeout-ms": { type: "string" },
      extensions: { type: "string" },
      users: { type: "string" },
      domains: { type: "string" },
      "users-per-domain": { type: "string" },
      "license-limit": { type: "string" },
      "ip-entries": { type: "string" },
      "confirm-timeout-ms": { type: "string" },
      "open-admin": { type: "boolean", default: false },
      "row-limit": { type: "string" },
      ...Object.fromEntries(
        Object.keys(VARIANT_CHOICES).map((choice) => [
          flagName(choice as VariantChoice),
          { type: "string" as const },
        ]),
      ),
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const products = values.product === "all" ? ["operator", "connect", "control"] : [values.product];
  if (products.some((product) => !(product in KERIO_PRODUCTS))) throw new Error(USAGE);
  const port = integer(values.port, "port");
  if (port !== undefined && products.length > 1) throw new Error("--port needs a single --product");
  // Each product takes the switches it knows; the others are simply not read.
  const variant = variantFlags(values);
  const common = {
    variant,
    host: values.host,
    https: values.https,
    seed: integer(values.seed, "seed"),
    faults: faultsFromEnv(),
    connectionLimit: connectionLimitFromEnv(),
    sessionIdleTimeoutMs: integer(values["session-timeout-ms"], "session-timeout-ms"),
  };
  const portFor = (product: keyof typeof KERIO_PRODUCTS) => port ?? KERIO_PRODUCTS[product].defaultPort;
  const running: RunningKerioSimulator[] = [];
  for (const product of products) {
    if (product === "operator") {
      running.push(
        await startKerioOperatorSimulator({
          ...common,
          port: portFor("operator"),
          extensions: integer(values.extensions, "extensions"),
          users: integer(values.users, "users"),
        }),
      );
    } else if (product === "connect") {
      running.push(
        await startKerioConnectSimulator({
          ...common,
          port: portFor("connect"),
          domains: integer(values.domains, "domains"),
          usersPerDomain: integer(values["users-per-domain"], "users-per-domain"),
          licenseUserLimit: integer(values["license-limit"], "license-limit"),
        }),
      );
    } else {
      running.push(
        await startKerioControlSimulator({
          ...common,
          port: portFor("control"),
          ipAddressEntries: integer(values["ip-entries"], "ip-entries"),
          confirmTimeoutMs: integer(values["confirm-timeout-ms"], "confirm-timeout-ms"),
          restrictRemoteAdmin: !values["open-admin"],
        }),
      );
    }
  }
  for (const simulator of running) {
    console.log(`${simulator.kind}: ${simulator.apiUrl}`);
    console.log(`  credentials: ${JSON.stringify(simulator.credentials)}`);
    if (simulator.tls) console.log(`  certificate SHA-256: ${simulator.tls.fingerprint256}`);
    if (simulator.kind === "kerio-control" && !values["open-admin"]) {
      console.log('  admin API only for the "Remote administration" address group (see --open-admin)');
    }
  }
  const stop = async () => {
    await Promise.all(running.map((simulator) => simulator.close()));
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
