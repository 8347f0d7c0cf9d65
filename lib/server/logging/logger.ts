import "server-only";
import pino from "pino";
import { logLevel } from "@/lib/server/config/config";

/**
 * Keys whose values are secrets wherever they sit in a logged object: request headers, bodies, vendor
 * errors' own fields. Redaction is by path, so a new log call that passes such an object cannot leak it.
 */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "secretKey",
  "apiKey",
  "x-api-key",
  "signature",
  "recoveryCode",
  "totpCode",
] as const;

/** Deep enough for `{ req: { headers: { authorization } } }` and `{ err: { cause: { config: { apiKey } } } }`. */
const REDACT_DEPTH = 4;

/** `password`, `*.password`, `*.*.password`… for every secret key, in pino's (fast-redact's) path syntax. */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const property = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return Array.from({ length: REDACT_DEPTH }, (_, depth) => {
    const parents = "*.".repeat(depth);
    return property.startsWith("[") ? `${parents.slice(0, -1)}${property}` : `${parents}${property}`;
  });
});

/**
 * The console's one logger: JSON lines on stdout (a container's log collector picks them up), written in the
 * process because Next bundles the server and pino's worker transports do not survive bundling. Errors are
 * serialized with their cause chain, so "fetch failed" arrives with the ECONNREFUSED behind it.
 */
export const logger = pino(
  {
    level: logLevel(),
    base: { service: "operator-console" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.errWithCause },
    formatters: { level: (label) => ({ level: label }) },
  },
  process.stdout,
);
