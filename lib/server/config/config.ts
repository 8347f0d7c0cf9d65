import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Unset and empty variables mean the same thing: use the embedded default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** pino's levels; `silent` switches logging off. */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const LogLevelSchema = optional(
  z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }),
).transform((level) => level ?? "info");

/** Whether a URL names this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

const minutes = (name: string, fallback: number, max: number) =>
  optional(
    z.coerce
      .number()
      .int(`${name} must be a whole number of minutes`)
      .min(1, `${name} must be at least 1 minute`)
      .max(max, `${name} must be at most ${max} minutes`),
  ).transform((value) => value ?? fallback);

const EnvObject = z.object({
  /** Set by Next: `production` under `next start`. */
  NODE_ENV: optional(z.string()),
  DATA_DIR: optional(z.string()).transform((dir) => path.resolve(/*turbopackIgnore: true*/ dir ?? "./.data")),
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }),
  ),
  NEXTAUTH_SECRET: optional(z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters")),
  ADMIN_EMAIL: optional(z.email("ADMIN_EMAIL must be an email address")),
  ADMIN_PASSWORD: optional(z.string()),
  /** The console's public address (next-auth reads it too; `https://` makes its cookies `__Secure-`). */
  NEXTAUTH_URL: optional(
    z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be an http:// or https:// URL" }),
  ),
  /** Seeds one demo account per role on an empty database and prints them (the demo and the e2e suite). */
  DEMO_ACCOUNTS: optional(z.enum(["0", "1"])).transform((flag) => flag === "1"),
  /** How long a session lasts at most after signing in, however active (default 12 hours). */
  SESSION_MAX_AGE_MINUTES: minutes("SESSION_MAX_AGE_MINUTES", 12 * 60, 30 * 24 * 60),
  /** How long a session survives without a request (default 30 minutes). */
  SESSION_IDLE_MINUTES: minutes("SESSION_IDLE_MINUTES", 30, 24 * 60),
  /**
   * Master key for vendor secrets stored in the database. Unset: a key file is generated in DATA_DIR, which
   * suits one embedded instance; instances sharing a PostgreSQL database must all be given the same value.
   */
  CONSOLE_SECRET_KEY: optional(
    z.string().min(32, "CONSOLE_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  ),
  /** JSON file of connections declared as code (docs/connections.md); validated at start-up. */
  CONNECTIONS_FILE: optional(z.string()).transform((file) =>
    file === undefined ? undefined : path.resolve(/*turbopackIgnore: true*/ file),
  ),
  /**
   * Redis for state every instance must share (vendor sessions and tokens, cross-instance locks). Unset: that
   * state lives in the process, which suits one instance; two or more instances need it (docs/deployment.md).
   */
  REDIS_URL: optional(
    z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL" }),
  ),
  /**
   * Lets connections point at this machine (127.0.0.0/8, ::1, localhost). Off by default: an appliance is
   * never the console's own host, and a loopback address can reach services that trust local callers. The
   * demo, the e2e server and the tests set it, as their simulators listen on 127.0.0.1.
   */
  ALLOW_LOOPBACK_CONNECTIONS: optional(
    z.enum(["0", "1"], { error: "ALLOW_LOOPBACK_CONNECTIONS must be 0 or 1" }),
  ).transform((flag) => flag === "1"),
  /** Seconds between background health checks of each connection; 0 switches them off. */
  CONNECTION_CHECK_INTERVAL_SECONDS: optional(
    z.coerce
      .number()
      .int("CONNECTION_CHECK_INTERVAL_SECONDS must be a whole number of seconds")
      .min(0)
      .max(86_400, "CONNECTION_CHECK_INTERVAL_SECONDS must be at most 86400 (a day)"),
  ).transform((seconds) => seconds ?? 60),
  /**
   * The longest life an API token may be given, in days; older tokens (and tokens made without an expiry
   * before this limit existed) stop working at creation + this many days.
   */
  API_TOKEN_MAX_LIFETIME_DAYS: optional(
    z.coerce
      .number()
      .int("API_TOKEN_MAX_LIFETIME_DAYS must be a whole number of days")
      .min(1, "API_TOKEN_MAX_LIFETIME_DAYS must be at least 1")
      .max(3650, "API_TOKEN_MAX_LIFETIME_DAYS must be at most 3650 (ten years)"),
  ).transform((days) => days ?? 365),
  LOG_LEVEL: LogLevelSchema,
});

const EnvSchema = EnvObject.superRefine((config, context) => {
  if (config.SESSION_IDLE_MINUTES > config.SESSION_MAX_AGE_MINUTES) {
    context.addIssue({
      code: "custom",
      path: ["SESSION_IDLE_MINUTES"],
      message: `SESSION_IDLE_MINUTES (${config.SESSION_IDLE_MINUTES}) must not exceed SESSION_MAX_AGE_MINUTES (${config.SESSION_MAX_AGE_MINUTES})`,
    });
  }
  if (config.DEMO_ACCOUNTS && isProduction(config)) {
    context.addIssue({
      code: "custom",
      path: ["DEMO_ACCOUNTS"],
      message:
        "DEMO_ACCOUNTS=1 seeds accounts whose passwords are public, so it is refused in production (a production build whose NEXTAUTH_URL is unset or names another host than this machine). Remove it, or set NEXTAUTH_URL to a loopback address (http://127.0.0.1:<port>) for a local demo.",
    });
  }
});

/**
 * "Production", for the settings that must never reach a real deployment: a production build (`next start`)
 * that is not declared to live on this machine. The demo and the end-to-end server run `next start` too, but
 * with NEXTAUTH_URL on loopback, where public passwords reach nobody else; a real deployment names its public
 * address there (secure cookies and cross-site checks need it) or leaves it unset, and both are refused.
 */
function isProduction({ NODE_ENV, NEXTAUTH_URL }: { NODE_ENV?: string; NEXTAUTH_URL?: string }): boolean {
  if (NODE_ENV !== "production") return false;
  return NEXTAUTH_URL === undefined || !isLoopbackUrl(NEXTAUTH_URL);
}

export type ServerConfig = z.infer<typeof EnvSchema>;

let cached: ServerConfig | undefined;

/** The validated environment. A bad value stops the console with a message naming the variable. */
export function serverConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}

/** Validates an environment without caching it (serverConfig's work, and what tests check). */
export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid console configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/**
 * The log level alone, for the logger: it must be able to report an invalid configuration, so an invalid
 * LOG_LEVEL falls back to info here and is refused, with the other problems, by serverConfig() at start-up.
 */
export function logLevel(): z.infer<typeof LogLevelSchema> {
  const parsed = LogLevelSchema.safeParse(process.env.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}

/**
 * A secret that lives in the data directory when the environment does not provide one, created on first use
 * with owner-only permissions, so the embedded default needs no set-up and survives restarts.
 */
export function persistedSecret(fileName: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const { DATA_DIR } = serverConfig();
  const file = path.join(/*turbopackIgnore: true*/ DATA_DIR, fileName);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

/** The file that holds the connections master key when CONSOLE_SECRET_KEY is not set. */
export const CONNECTIONS_KEY_FILE = "connections-master-key";

export function authSecret(): string {
  return persistedSecret("nextauth-secret", serverConfig().NEXTAUTH_SECRET);
}
