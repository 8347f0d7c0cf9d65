/**
 * Runs the Kiwire 2.0 simulator alone:
 *   npx tsx simulators/kiwire/main.ts [--port 8081] [--https] [--seed 1] [--users 5000] ...
 * `--help` lists every flag. Fault injection comes from SIM_* environment variables (simulators/shared/faults.ts).
 */
import { parseArgs } from "node:util";
import { faultsFromEnv } from "../shared/faults";
import type { KiwireTimeFormat } from "./appliance-time";
import { KIWIRE_MODULES, KIWIRE_PERMISSIONS, type KiwireModule, type KiwirePermission } from "./protocol";
import {
  KIWIRE_DEFAULT_CONFIG,
  KIWIRE_DEFAULTS,
  type KiwireSimulatorOptions,
  startKiwireSimulator,
} from "./simulator";

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
  --time-format F          YmdHis | "Y-m-d H:i:s" | either (default ${KIWIRE_DEFAULT_CONFIG.timeFormat})
  --max-skew SECONDS       allowed drift of the signed time, "off" to disable (default ${KIWIRE_DEFAULT_CONFIG.maxClockSkewSeconds})
  --signing M              md5 | raw | either (default ${KIWIRE_DEFAULT_CONFIG.signing})
  --token-lifetime SECONDS token lifetime (default ${KIWIRE_DEFAULT_CONFIG.tokenLifetimeSeconds})
  --envelope E             per-endpoint | result_msg | result_message (default ${KIWIRE_DEFAULT_CONFIG.envelope})
  --is-success T           per-endpoint | boolean | string (default ${KIWIRE_DEFAULT_CONFIG.isSuccess})
  --status-vocabulary V    v2 | v3 (default ${KIWIRE_DEFAULT_CONFIG.statusVocabulary})
  --voucher-delete D       expire | erase (default ${KIWIRE_DEFAULT_CONFIG.voucherDelete})
  --list-filters           enable the non-vendor list filters and "total"
  --voucher-create-data D  records | codes | none: ret_data of voucher/create (default ${KIWIRE_DEFAULT_CONFIG.voucherCreateData})
  --max-list-limit N       most rows one get answers, "off" for none (default off)
  --forgotten-token A      login-expired | permission-denied: the answer to an unknown token (default ${KIWIRE_DEFAULT_CONFIG.forgottenToken})
  --user-create-status V   documented | v2 | yn | any: status spellings of user/create (default ${KIWIRE_DEFAULT_CONFIG.userCreateStatus})
  --no-nas-zone            NAS rows without a zone column
  --list-total T           none | rows | table: a total beside user/voucher pages (default ${KIWIRE_DEFAULT_CONFIG.listTotal})
  --single-get S           array | object: ret_data of get/{value} (default ${KIWIRE_DEFAULT_CONFIG.singleGet})
  --get-miss M             empty | error: get/{value} of an unknown item (default ${KIWIRE_DEFAULT_CONFIG.getMiss})
  --refusal-status S       200 | by-cause: HTTP status of a refusal (default ${KIWIRE_DEFAULT_CONFIG.refusalStatus})
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

function positive(flag: string, value: string | undefined): number | undefined {
  const n = count(flag, value);
  if (n === 0) throw new Error(`--${flag} must be at least 1 (or "off")`);
  return n;
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
      "time-format": { type: "string" },
      "max-skew": { type: "string" },
      signing: { type: "string" },
      "token-lifetime": { type: "string" },
      envelope: { type: "string" },
      "is-success": { type: "string" },
      "status-vocabulary": { type: "string" },
      "voucher-delete": { type: "string" },
      "list-filters": { type: "boolean" },
      "voucher-create-data": { type: "string" },
      "max-list-limit": { type: "string" },
      "forgotten-token": { type: "string" },
      "user-create-status": { type: "string" },
      "no-nas-zone": { type: "boolean" },
      "list-total": { type: "string" },
      "single-get": { type: "string" },
      "get-miss": { type: "string" },
      "refusal-status": { type: "string" },
      "include-secrets": { type: "boolean" },
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
    port: count("port", values.port),
    host: values.host,
    https: values.https,
    seed: count("seed", values.seed),
    faults: faultsFromEnv(),
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
    timeFormat: oneOf<KiwireTimeFormat | "either">("time-format", values["time-format"], [
      "YmdHis",
      "Y-m-d H:i:s",
      "either",
    ]),
    maxClockSkewSeconds: skew === "off" ? null : count("max-skew", skew),
    signing: oneOf("signing", values.signing, ["md5", "raw", "either"]),
    tokenLifetimeSeconds: count("token-lifetime", values["token-lifetime"]),
    envelope: oneOf("envelope", values.envelope, ["per-endpoint", "result_msg", "result_message"]),
    isSuccess: oneOf("is-success", values["is-success"], ["per-endpoint", "boolean", "string"]),
    statusVocabulary: oneOf("status-vocabulary", values["status-vocabulary"], ["v2", "v3"]),
    voucherDelete: oneOf("voucher-delete", values["voucher-delete"], ["expire", "erase"]),
    listFilters: values["list-filters"],
    voucherCreateData: oneOf("voucher-create-data", values["voucher-create-data"], [
      "records",
      "codes",
      "none",
    ]),
    maxListLimit: maxListLimit === "off" ? null : positive("max-list-limit", maxListLimit),
    forgottenToken: oneOf("forgotten-token", values["forgotten-token"], [
      "login-expired",
      "permission-denied",
    ]),
    userCreateStatus: oneOf("user-create-status", values["user-create-status"], [
      "documented",
      "v2",
      "yn",
      "any",
    ]),
    nasZoneColumn: values["no-nas-zone"] ? false : undefined,
    listTotal: oneOf("list-total", values["list-total"], ["none", "rows", "table"]),
    singleGet: oneOf("single-get", values["single-get"], ["array", "object"]),
    getMiss: oneOf("get-miss", values["get-miss"], ["empty", "error"]),
    refusalStatus: oneOf("refusal-status", values["refusal-status"], ["200", "by-cause"]),
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
      `  time zone:   ${sim.config.timeZone} (sign "time" as YmdHis in this zone)`,
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
