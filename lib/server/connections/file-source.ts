import "server-only";
import { readFileSync } from "node:fs";
import type { z } from "zod";
import {
  type ConnectionConfig,
  ConnectionsFileSchema,
  type EnvReference,
  FileConnectionSchema,
} from "@/lib/api/connections";
import { SECRET_FIELDS } from "@/lib/connection-kinds";
import { describeJsonSyntaxError } from "@/lib/json-syntax";
import { serverConfig } from "@/lib/server/config/config";
import { type AddressPolicy, addressRefusal } from "@/lib/server/http/address-policy";
import { EVERYTHING } from "@/lib/server/shared-state/invalidation-bus";
import { connectionBus } from "./connection-changes";

/**
 * Connections declared as code: the JSON file named by CONNECTIONS_FILE. Each secret is inline or
 * `{"env": "VAR"}`, read from the environment once at start-up. The whole file is validated before the
 * console starts, and every problem is reported with the entry and the field, so a deployment fails with
 * one readable list rather than with the first error, or worse, at the first vendor call.
 */

export interface FileConnection {
  id: string;
  config: ConnectionConfig;
}

export class ConnectionsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`CONNECTIONS_FILE ${file} is invalid:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConnectionsFileError";
  }
}

type Environment = Readonly<Record<string, string | undefined>>;

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const fields = issue.keys.map((key) => (field ? `${field}.${key}` : key));
    return `unknown field${fields.length > 1 ? "s" : ""} ${fields.join(", ")}`;
  }
  return field ? `${field}: ${issue.message}` : issue.message;
}

function entryLabel(index: number, raw: unknown): string {
  const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const id = typeof record.id === "string" ? ` "${record.id}"` : "";
  const kind = typeof record.kind === "string" ? ` (${record.kind})` : "";
  return `connections[${index}]${id}${kind}`;
}

const isEnvReference = (value: unknown): value is EnvReference =>
  typeof value === "object" && value !== null && "env" in value;

const deploymentPolicy = (): AddressPolicy => ({ allowLoopback: serverConfig().ALLOW_LOOPBACK_CONNECTIONS });

/**
 * Parses and validates the file's text; secrets referring to the environment are read from `env`. Addresses
 * follow the same policy as the console's own connections (docs/security.md).
 */
export function parseConnectionsFile(
  text: string,
  file: string,
  env: Environment,
  policy: AddressPolicy = deploymentPolicy(),
): FileConnection[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // By position only: JSON.parse's message quotes the text, and this file holds passwords.
    throw new ConnectionsFileError(file, [describeJsonSyntaxError(text)]);
  }
  const shape = ConnectionsFileSchema.safeParse(json);
  if (!shape.success) throw new ConnectionsFileError(file, shape.error.issues.map(describeIssue));

  const problems: string[] = [];
  const connections: FileConnection[] = [];
  const seen = new Map<string, number>();
  shape.data.connections.forEach((raw, index) => {
    const label = entryLabel(index, raw);
    // Duplicates are found on the raw ids, so an invalid first entry still claims its id.
    const rawId = (raw as { id?: unknown } | null)?.id;
    if (typeof rawId === "string") {
      const first = seen.get(rawId);
      if (first !== undefined) {
        problems.push(`${label}: id "${rawId}" is already used by connections[${first}]`);
        return;
      }
      seen.set(rawId, index);
    }
    const parsed = FileConnectionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${label}: ${describeIssue(issue)}`);
      return;
    }
    const { id, ...entry } = parsed.data;
    const resolved: Record<string, unknown> = { ...entry };
    let complete = true;
    const refusal = addressRefusal(new URL(entry.baseUrl).hostname, policy);
    if (refusal) {
      problems.push(`${label}: baseUrl: ${refusal}`);
      complete = false;
    }
    for (const field of SECRET_FIELDS[entry.kind]) {
      const value = (entry as Record<string, unknown>)[field];
      if (!isEnvReference(value)) continue;
      const fromEnv = env[value.env];
      if (fromEnv === undefined || fromEnv === "") {
        problems.push(
          `${label}: ${field}: the environment variable ${value.env} is ${fromEnv === undefined ? "not set" : "empty"}`,
        );
        complete = false;
        continue;
      }
      resolved[field] = fromEnv;
    }
    // Every env reference is now a string: the entry has the API's shape.
    if (complete) connections.push({ id, config: resolved as ConnectionConfig });
  });
  if (problems.length > 0) throw new ConnectionsFileError(file, problems);
  return connections;
}

export function loadConnectionsFile(
  file: string,
  env: Environment = process.env,
  policy: AddressPolicy = deploymentPolicy(),
): FileConnection[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConnectionsFileError(file, [
      `cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`,
    ]);
  }
  return parseConnectionsFile(text, file, env, policy);
}

const holder = globalThis as typeof globalThis & { __fileConnections?: FileConnection[] };

/**
 * The file's connections, read once per process (start-up already validated them; a changed file takes
 * effect at the next restart, like any other configuration).
 */
export function fileConnections(): FileConnection[] {
  if (holder.__fileConnections) return holder.__fileConnections;
  const file = serverConfig().CONNECTIONS_FILE;
  holder.__fileConnections = file ? loadConnectionsFile(file) : [];
  return holder.__fileConnections;
}

/** For tests: use these instead of CONNECTIONS_FILE (null reads the file again). */
export function installFileConnections(connections: FileConnection[] | null): void {
  holder.__fileConnections = connections ?? undefined;
  // An id may now stand for another connection; what vendor calls kept of the old one must go.
  void connectionBus().invalidate(EVERYTHING);
}
