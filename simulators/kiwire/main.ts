/**
 * Runs the Kiwire 2.0 simulator alone:
 *   npx tsx simulators/kiwire/main.ts [--port 8081] [--https] [--seed 1] [--users 5000] ...
 * `--help` lists every flag. Fault injection and the connection limit come from SIM_* environment variables
 * (simulators/shared/faults.ts, connection-limit.ts).
 */
import { parseArgs } from "node:util";
import { connectionLimitFromEnv } from "../shared/connection-limit";
import { faultsFromEnv } from "../shared/faults";
import {
  KIWIRE_MODULES,
  KIWIRE_PERMISSIONS,
  type KiwireModule,
  type KiwirePermission,
  type KiwireProtocolConfig,
} from "./protocol";
import {
  KIWIRE_DEFAULT_CONFIG,
  KIWIRE_DEFAULTS,
  type KiwireSimulatorOptions,
  startKiwireSimulator,
} from "./simulator";
import { KIWIRE_SWITCH_VALUES, type KiwireSwitch, switchFlag } from "./variants";

/** What each switch of README "Switches" decides; its values and default are added from the code. */
const SWITCH_HELP: Record<KiwireSwitch, string> = {
  voucherCreateData: "ret_data of voucher/create: the new rows, bare codes, or none",
  forgottenToken: "the answer to a token the appliance forgot (after a restart)",
  userCreateStatus: "status spellings user/create takes",
  timeFormat: "accepted spellings of the signed time",
  listTotal: "a total beside user/voucher pages: none, the listed kind, the whole table",
  singleGet: "ret_data of get/{value}: [record] or the bare record",
  getMiss: "get/{value} of an unknown item: [] or an error",
  refusalStatus: "HTTP status of a refusal: always 200, or by its cause",
  statusVocabulary: "account statuses: act/exp/sus or active/expired/suspend",
  envelope: "success field names, per endpoint or one spelling everywhere",
  isSuccess: "type of is_success, per endpoint or one type everywhere",
  signing: "api_key: md5(key+token+time), the raw key, or either",
  voucherDelete: "a deleted voucher is kept as expired or erased",
};

const switchLines = (Object.keys(SWITCH_HELP) as KiwireSwitch[])
  .map((name) => {
    const flag = `--${switchFlag(name)} ${KIWIRE_SWITCH_VALUES[name].join(" | ")}`;
    return `  ${flag}\n      ${SWITCH_HELP[name]} (default ${KIWIRE_DEFAULT_CONFIG[name]})`;
  })
  .join("\n");

const HELP = `Kiwire 2.0 API simulator

  --port N                 listen port (default: a free port)
  --host ADDR              listen address (default 127.0.0.1)
  --https                  serve HTTPS with a self-signed certificate
  --seed N                 data seed (default ${KIWIRE_DEFAULTS.seed})
  --users N                seeded users (default ${KIWIRE_DEFAULTS.users})
  --vouchers N             seeded vouchers (default ${KIWIRE_DEFAULTS.vouchers})
  --profiles N             seeded profiles (default ${KIWIRE_DEFAULTS.profiles})
  --nas N                  seeded NAS entries / zones (default ${KIWIRE_DEFAULTS.nas})
  --devices N              seeded devices (default ${KIWIRE_DEFAULTS.devices})
  --history-days N         days of login history (default ${KIWIRE_DEFAULTS.historyDays})
  --username S --password S --api-key S --cloud-id S   credentials (default hakim / admin / … / DEMO)
  --time-zone TZ           appliance time zone (default ${KIWIRE_DEFAULT_CONFIG.timeZone})
  --max-skew SECONDS       allowed drift of the signed time, "off" to disable (default ${KIWIRE_DEFAULT_CONFIG.maxClockSkewSeconds})
  --clock-offset-ms=N      run the appliance clock N ms ahead of real time, or behind with a negative N (default 0)
  --token-lifetime SECONDS token lifetime (default ${KIWIRE_DEFAULT_CONFIG.tokenLifetimeSeconds})
  --list-filters           enable the non-vendor list filters and "total"
  --max-voucher-quantity N largest qty of voucher/create (default ${KIWIRE_DEFAULT_CONFIG.maxVoucherQuantity})
  --login-failure-error S  error of a refused login (default "${KIWIRE_DEFAULT_CONFIG.loginFailureError}")
Where the documents are silent (README "Switches"):
${switchLines}
  --max-list-limit N       most rows one get answers, "off" for none (default off)
  --no-nas-zone            NAS rows without a zone column
Test aids and account switches:
  --include-secrets        include password/secret fields in records
  --api-disabled           start with API integration switched off
  --tenant-unavailable     start with the tenant unavailable
  --disable-module M       switch a module off (repeatable): ${KIWIRE_MODULES.join(", ")}
  --permission-off P       switch a permission toggle off (repeatable): ${KIWIRE_PERMISSIONS.join(", ")}
`;

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new Error(`--${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return match;
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function positive(flag: string, value: string | undefined, alternative = ""): number | undefined {
  const n = count(flag, value);
  if (n === 0) throw new Error(`--${flag} must be at least 1${alternative}`);
  return n;
}

function offset(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value))
    throw new Error(`--${flag} must be a whole number of milliseconds, got "${value}"`);
  return Number(value);
}

function signingHint({ signing, timeFormat }: KiwireProtocolConfig): string {
  const time = timeFormat === "either" ? "YmdHis or Y-m-d H:i:s" : timeFormat;
  const md5 = `api_key = md5(key + token + time), "time" as ${time} in this zone`;
  if (signing === "raw") return "api_key is the raw key";
  return signing === "either" ? `${md5}, or the raw key` : md5;
}

/** The switches of README "Switches" given on the command line, each checked against its values. */
function switchesFrom(values: Record<string, unknown>): Partial<Pick<KiwireProtocolConfig, KiwireSwitch>> {
  const chosen: Partial<Record<KiwireSwitch, string>> = {};
  for (const name of Object.keys(KIWIRE_SWITCH_VALUES) as KiwireSwitch[]) {
    const value = values[switchFlag(name)];
    if (typeof value === "string") chosen[name] = oneOf(switchFlag(name), value, KIWIRE_SWITCH_VALUES[name]);
  }
  // Each value was just found in its own switch's list.
  return chosen as Partial<Pick<KiwireProtocolConfig, KiwireSwitch>>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: "boolean" },
      port: { type: "string" },
      host: { type: "string" },
      https: { type: "boolean" },
      seed: { type: "string" },
      users: { type: "string" },
      vouchers: { type: "string" },
      profiles: { type: "string" },
      nas: { type: "string" },
      devices: { type: "string" },
      "history-days": { type: "string" },
      username: { type: "string" },
      password: { type: "string" },
      "api-key": { type: "string" },
      "cloud-id": { type: "string" },
      "time-zone": { type: "string" },
      "max-skew": { type: "string" },
      "token-lifetime": { type: "string" },
      "list-filters": { type: "boolean" },
      "max-list-limit": { type: "string" },
      "no-nas-zone": { type: "boolean" },
      "include-secrets": { type: "boolean" },
      "clock-offset-ms": { type: "string" },
      "max-voucher-quantity": { type: "string" },
      "login-failure-error": { type: "string" },
      ...Object.fromEntries(
        (Object.keys(KIWIRE_SWITCH_VALUES) as KiwireSwitch[]).map((name) => [
          switchFlag(name),
          { type: "string" as const },
        ]),
      ),
      "api-disabled": { type: "boolean" },
      "tenant-unavailable": { type: "boolean" },
      "disable-module": { type: "string", multiple: true },
      "permission-off": { type: "string", multiple: true },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const skew = values["max-skew"];
  const maxListLimit = values["max-list-limit"];
  const options: KiwireSimulatorOptions = {
    ...switchesFrom(values),
    port: count("port", values.port),
    host: values.host,
    https: values.https,
    seed: count("seed", values.seed),
    faults: faultsFromEnv(),
    connectionLimit: connectionLimitFromEnv(),
    users: count("users", values.users),
    vouchers: count("vouchers", values.vouchers),
    profiles: count("profiles", values.profiles),
    nas: count("nas", values.nas),
    devices: count("devices", values.devices),
    historyDays: count("history-days", values["history-days"]),
    username: values.username,
    password: values.password,
    apiKey: values["api-key"],
    cloudId: values["cloud-id"],
    timeZone: values["time-zone"],
    maxClockSkewSeconds: skew === "off" ? null : count("max-skew", skew),
    clockOffsetMs: offset("clock-offset-ms", values["clock-offset-ms"]),
    maxVoucherQuantity: positive("max-voucher-quantity", values["max-voucher-quantity"]),
    loginFailureError: values["login-failure-error"],
    tokenLifetimeSeconds: count("token-lifetime", values["token-lifetime"]),
    listFilters: values["list-filters"],
    maxListLimit: maxListLimit === "off" ? null : positive("max-list-limit", maxListLimit, ' (or "off")'),
    nasZoneColumn: values["no-nas-zone"] ? false : undefined,
    includeSecrets: values["include-secrets"],
    apiEnabled: values["api-disabled"] ? false : undefined,
    tenantAvailable: values["tenant-unavailable"] ? false : undefined,
    disabledModules: (values["disable-module"] ?? []).flatMap(
      (m) => oneOf<KiwireModule>("disable-module", m, KIWIRE_MODULES) ?? [],
    ),
    permissionsOff: (values["permission-off"] ?? []).flatMap(
      (p) => oneOf<KiwirePermission>("permission-off", p, KIWIRE_PERMISSIONS) ?? [],
    ),
  };
  const sim = await startKiwireSimulator(options);
  const { credentials } = sim;
  process.stdout.write(
    [
      `Kiwire 2.0 simulator listening on ${sim.baseUrl}`,
      `  login:       POST ${sim.baseUrl}/admin/agent/api_login.php  (code, cloud_id)`,
      `  modules:     POST ${sim.baseUrl}/apiv2/{module}/{method}/{value}`,
      `  credentials: ${JSON.stringify(credentials)}`,
      `  time zone:   ${sim.config.timeZone} (${signingHint(sim.config)})`,
      sim.tls ? `  TLS SHA-256: ${sim.tls.fingerprint256}` : "",
      `  data:        ${sim.store.users.size} users, ${sim.store.vouchers.size} vouchers, ${sim.store.profiles.size} profiles, ${sim.store.nas.size} NAS`,
      "Ctrl-C to stop.",
      "",
    ]
      .filter((line) => line !== "")
      .join("\n")
      .concat("\n"),
  );
  const stop = () => {
    sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
