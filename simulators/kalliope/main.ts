import { parseArgs } from "node:util";
import { connectionLimitFromEnv } from "../shared/connection-limit";
import { faultsFromEnv } from "../shared/faults";
import { DETAILED_LAYOUTS, type DetailedLayout } from "./cdr-format";
import { CDR_OUTPUTS, type CdrOutput, DEFAULTS, startKalliopeSimulator } from "./simulator";

/** Runs the KalliopePBX simulator alone: `npx tsx simulators/kalliope/main.ts [--port 8084] [--https] ...` */

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    https: { type: "boolean", default: false },
    seed: { type: "string", default: String(DEFAULTS.seed) },
    "calls-per-day": { type: "string", default: String(DEFAULTS.callsPerDay) },
    days: { type: "string", default: String(DEFAULTS.days) },
    today: { type: "string" },
    "utc-offset": { type: "string", default: "0" },
    "time-zone": { type: "string" },
    "flat-volume": { type: "boolean", default: false },
    "clock-offset-ms": { type: "string", default: "0" },
    "detailed-layout": { type: "string", default: DEFAULTS.detailedLayout },
    "auth-failure-status": { type: "string", default: String(DEFAULTS.authFailureStatus) },
    "auth-failure-message": { type: "string", default: DEFAULTS.authFailureMessage },
    "created-window-seconds": { type: "string", default: String(DEFAULTS.createdWindowSeconds) },
    "cdr-output": { type: "string", default: DEFAULTS.cdrOutput },
    "salt-xml": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(`KalliopePBX v4 REST simulator

  --port N              listen port (0 = any free port)
  --host H              listen address (default 127.0.0.1)
  --https               serve HTTPS with a self-signed certificate
  --seed N              data seed (default ${DEFAULTS.seed})
  --calls-per-day N     mean calls per day and tenant (default ${DEFAULTS.callsPerDay})
  --days N              days of history ending today (default ${DEFAULTS.days})
  --today YYYY-MM-DD    last day with data (default: the simulator clock's date)
  --utc-offset MIN      PBX local time minus UTC, in minutes (default 0)
  --time-zone ZONE      PBX IANA time zone, e.g. Europe/Rome (daylight saving included; overrides --utc-offset)
  --flat-volume         exactly --calls-per-day every day (no weekday/holiday pattern)
  --clock-offset-ms N   run the PBX clock ahead (+) or behind (-) real time
Where the documents are silent (README "Switches"):
  --detailed-layout nested|rows   detailed JSON/XML: path in a details list, or one record per step like CSV (default nested)
  --auth-failure-status N         status of every refused signature, e.g. 400 or 403 (default ${DEFAULTS.authFailureStatus})
  --auth-failure-message TEXT     message of every refused signature (default "${DEFAULTS.authFailureMessage}")
  --created-window-seconds N      how far Created may be from the PBX clock, and how long a nonce is remembered (default ${DEFAULTS.createdWindowSeconds})
  --cdr-output negotiated|json|xml|csv   answer CDRs as Accept asks, or always in one type (default negotiated)
  --salt-xml                      answer the salt in XML even when JSON is asked for, like older firmware
Faults come from SIM_LATENCY_MS, SIM_FAIL_RATE, SIM_MALFORMED_RATE, SIM_DROP_RATE;
SIM_CONNECTION_LIMIT and SIM_CONNECTION_OVERFLOW (queue, close, busy or busy-retry-after) cap the requests served at once.`);
  process.exit(0);
}

function number(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${text}"`);
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === text);
  if (found === undefined) throw new Error(`--${name} must be one of ${allowed.join(", ")}, got "${text}"`);
  return found;
}

const simulator = await startKalliopeSimulator({
  port: number("port", values.port),
  host: values.host,
  https: values.https,
  seed: number("seed", values.seed),
  callsPerDay: number("calls-per-day", values["calls-per-day"]),
  days: number("days", values.days),
  today: values.today,
  utcOffsetMinutes: number("utc-offset", values["utc-offset"]),
  timeZone: values["time-zone"],
  dailyVariation: !values["flat-volume"],
  clockOffsetMs: number("clock-offset-ms", values["clock-offset-ms"]),
  faults: faultsFromEnv(),
  connectionLimit: connectionLimitFromEnv(),
  logAuthFailures: true,
  detailedLayout: oneOf<DetailedLayout>("detailed-layout", values["detailed-layout"], DETAILED_LAYOUTS),
  authFailureStatus: number("auth-failure-status", values["auth-failure-status"]),
  authFailureMessage: values["auth-failure-message"],
  createdWindowSeconds: number("created-window-seconds", values["created-window-seconds"]),
  cdrOutput: oneOf<CdrOutput>("cdr-output", values["cdr-output"], CDR_OUTPUTS),
  saltAnswer: values["salt-xml"] ? "xml" : "negotiated",
});

const window = simulator.dataWindow();
console.log(`KalliopePBX simulator listening on ${simulator.baseUrl}`);
if (simulator.tls) console.log(`TLS certificate SHA-256: ${simulator.tls.fingerprint256}`);
console.log(`Privacy user:    ${JSON.stringify(simulator.credentials)}`);
console.log(`Masked user:     ${JSON.stringify(simulator.unprivilegedCredentials)}`);
for (const tenant of simulator.tenants) {
  const users = tenant.users.map((user) => `${user.username}/${user.password}${user.api ? "" : " (no API)"}`);
  console.log(`Tenant "${tenant.domain}": salt ${tenant.salt}; users ${users.join(", ")}`);
}
console.log(
  `CDR: ${window.first} .. ${window.last}, about ${simulator.totalCalls().toLocaleString("en")} calls per tenant`,
);
console.log(`Salt: curl ${simulator.baseUrl}/rest/salt/default -H 'Accept: application/json'`);

const stop = () => {
  void simulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
