import "server-only";
import { asc, eq } from "drizzle-orm";
import {
  type ConnectionConfig,
  type ConnectionDto,
  type CreateConnectionInput,
  type HealthDto,
  plainHttpTlsProblem,
  type TlsSettings,
  type UpdateConnectionInput,
} from "@/lib/api/connections";
import type { ConnectionKind } from "@/lib/connection-kinds";
import { inputMessage } from "@/lib/i18n/api-messages/input-messages";
import { changingValues, type Localizable, type TextValue, text } from "@/lib/i18n/api-messages/text";
import { serverConfig } from "@/lib/server/config/config";
import type { Database } from "@/lib/server/db/client";
import { connectionHealth, connections } from "@/lib/server/db/schema";
import { forgetConnectionExchanges } from "@/lib/server/diagnostics/exchange-log";
import { conflict, notFound, unprocessable, validationFailed } from "@/lib/server/errors/api-error";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { addressRefusal } from "@/lib/server/http/address-policy";
import { forgetHttpClient } from "@/lib/server/http/client";
import { consoleVault, type Vault, VaultError } from "@/lib/server/vault/vault";
import { forgetConnectionCaches } from "./connection-caches";
import { forgetConnection } from "./connection-changes";
import { fileConnections } from "./file-source";
import {
  insecureReasonOf,
  joinConfig,
  missingTimeZone,
  type PlainSettings,
  type SecretValues,
  secretFieldsOf,
  settingsDto,
  splitConfig,
} from "./settings";

/**
 * The merged list of connections: the file's (read-only, secrets from the file or the environment) and the
 * console's (in the database, secrets sealed). Everything else asks this module, never the two sources.
 */

export type ConnectionSource = "file" | "console";

export interface ConnectionEntry {
  id: string;
  source: ConnectionSource;
  kind: ConnectionKind;
  name: string;
  plain: PlainSettings;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** A connection with its secrets opened, for the vendor clients and nothing else. */
export interface ResolvedConnection {
  entry: ConnectionEntry;
  config: ConnectionConfig;
}

type ConnectionRow = typeof connections.$inferSelect;

function fromFile(id: string, config: ConnectionConfig): ConnectionEntry {
  const { plain } = splitConfig(config);
  return {
    id,
    source: "file",
    kind: config.kind,
    name: config.name,
    plain,
    createdAt: null,
    updatedAt: null,
  };
}

function fromRow(row: ConnectionRow): ConnectionEntry {
  return {
    id: row.id,
    source: "console",
    kind: row.kind,
    name: row.name,
    plain: row.settings as unknown as PlainSettings,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listConnectionEntries(db: Database): Promise<ConnectionEntry[]> {
  const fromTheFile = fileConnections().map(({ id, config }) => fromFile(id, config));
  const fileIds = new Set(fromTheFile.map((entry) => entry.id));
  const rows = await db.select().from(connections).orderBy(asc(connections.name));
  // The file is the declared truth: a database row with the same id is shadowed (see warnShadowed).
  const stored = rows.filter((row) => !fileIds.has(row.id)).map(fromRow);
  return [...fromTheFile, ...stored].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function findConnectionEntry(db: Database, id: string): Promise<ConnectionEntry | undefined> {
  const file = fileConnections().find((connection) => connection.id === id);
  if (file) return fromFile(file.id, file.config);
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  return row ? fromRow(row) : undefined;
}

function noSuchConnection(id: string) {
  return notFound(text`No connection with the id "${id}".`);
}

/** The connection with its secrets opened; a secret that cannot be opened is reported, never guessed. */
export async function resolveConnection(
  db: Database,
  id: string,
  vault: Vault = consoleVault(),
): Promise<ResolvedConnection> {
  const file = fileConnections().find((connection) => connection.id === id);
  if (file) return { entry: fromFile(file.id, file.config), config: file.config };
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  if (!row) throw noSuchConnection(id);
  const entry = fromRow(row);
  const secrets: SecretValues = {};
  for (const field of secretFieldsOf(row.kind)) {
    const sealed = row.secrets[field];
    if (sealed === undefined) {
      throw new VendorError(
        "secret_unavailable",
        text`The ${field} of this connection is missing: enter it again.`,
        {
          status: 409,
        },
      );
    }
    try {
      secrets[field] = vault.open(sealed, { connectionId: row.id, field });
    } catch (error) {
      if (error instanceof VaultError)
        throw new VendorError("secret_unavailable", error.text, { status: 409 });
      throw error;
    }
  }
  return { entry, config: joinConfig(row.kind, row.name, entry.plain, secrets) };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 56)
    .replace(/-+$/, "");
}

async function takenIds(db: Database): Promise<Set<string>> {
  const rows = await db.select({ id: connections.id }).from(connections);
  return new Set([...fileConnections().map((connection) => connection.id), ...rows.map((row) => row.id)]);
}

function sealAll(vault: Vault, id: string, secrets: SecretValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(secrets).map(([field, value]) => [field, vault.seal(value, { connectionId: id, field })]),
  );
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ??
    (error as { cause?: { code?: unknown } }).cause?.code;
  return code === "23505";
}

/** Refuses an address the console must never send secrets to (docs/security.md), naming the field. */
function checkAddress(baseUrl: string): void {
  const refusal = addressRefusal(new URL(baseUrl).hostname, {
    allowLoopback: serverConfig().ALLOW_LOOPBACK_CONNECTIONS,
  });
  if (refusal) throw unprocessable(refusal, [{ field: "baseUrl", message: refusal }]);
}

export async function createConnection(
  db: Database,
  input: CreateConnectionInput,
  createdBy: string,
  vault: Vault = consoleVault(),
): Promise<ConnectionEntry> {
  const { id: requestedId, ...config } = input;
  checkAddress(config.baseUrl);
  const taken = await takenIds(db);
  let id = requestedId;
  if (id === undefined) {
    // A readable id from the name (it appears in URLs), made unique with a counter.
    const stem = slug(config.name) || config.kind;
    id = stem;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  } else if (taken.has(id)) {
    const inFile = fileConnections().some((connection) => connection.id === id);
    throw conflict(
      text`The id "${id}" is already used${inFile ? text` by a connection in the connections file` : ""}.`,
      [{ field: "id", message: text`Already in use` }],
    );
  }
  const { plain, secrets } = splitConfig(config as ConnectionConfig);
  try {
    const [row] = await db
      .insert(connections)
      .values({
        id,
        kind: config.kind,
        name: config.name,
        settings: plain as unknown as Record<string, unknown>,
        secrets: sealAll(vault, id, secrets),
        createdBy,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    // The id may have named a connection removed where no message reached this instance (or a test's).
    await forgetConnection(id);
    return fromRow(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(text`The id "${id}" is already used.`, [{ field: "id", message: text`Already in use` }]);
    }
    throw error;
  }
}

function readOnly(id: string) {
  return conflict(
    text`The connection "${id}" is declared in the connections file (CONNECTIONS_FILE) and is read-only here: change it in the file and restart the console.`,
  );
}

export interface UpdateOutcome {
  entry: ConnectionEntry;
  /** Names of the fields that changed, secrets included by name only: for the audit record. */
  changed: string[];
}

const sameUrl = (a: string, b: string) => new URL(a).href === new URL(b).href;

function sameTls(a: TlsSettings, b: TlsSettings): boolean {
  if (a.mode !== b.mode) return false;
  if (a.mode === "pin" && b.mode === "pin") return a.fingerprint256 === b.fingerprint256;
  if (a.mode === "verify" && b.mode === "verify") return (a.ca ?? "") === (b.ca ?? "");
  return true;
}

/**
 * The rules a change must keep, on the connection as it would be after the change. A new destination (the
 * address, or who the console trusts to answer there) would receive the stored secrets at the next test or
 * health check, so it takes the secrets again: whoever moves a connection must know what it sends.
 */
function checkUpdate(
  kind: ConnectionKind,
  stored: PlainSettings,
  next: PlainSettings,
  sentSecrets: ReadonlySet<string>,
): void {
  const moved = !sameUrl(stored.baseUrl, next.baseUrl);
  const retrusted = !sameTls(stored.tls, next.tls);
  if (moved) checkAddress(next.baseUrl);
  if (moved || retrusted) {
    const problem = plainHttpTlsProblem(next.baseUrl, next.tls);
    if (problem) {
      const message = inputMessage(problem);
      throw validationFailed(message, [{ field: "tls", message }]);
    }
  }
  if (missingTimeZone(kind, next)) {
    const message = text`Enter the appliance's IANA time zone: this connection was saved without one.`;
    throw validationFailed(message, [{ field: "timeZone", message }]);
  }
  const missing = secretFieldsOf(kind).filter((field) => !sentSecrets.has(field));
  if ((moved || retrusted) && missing.length > 0) {
    const change = moved ? (retrusted ? text`address and TLS settings` : text`address`) : text`TLS settings`;
    // Field names are the API's words and stay as they are in every language; only "and" is translated.
    const fields = missing
      .slice(1)
      .reduce<TextValue>((list, field) => text`${list} and ${field}`, missing[0]);
    throw unprocessable(
      text`Changing the ${change} would send this connection's stored secrets to a new destination: enter ${fields} again in the same change.`,
      missing.map((field) => ({
        field,
        message: text`Enter it again: the ${change} changed, and stored secrets do not follow a connection to a new destination.`,
      })),
    );
  }
}

export async function updateConnection(
  db: Database,
  id: string,
  patch: UpdateConnectionInput,
  vault: Vault = consoleVault(),
): Promise<UpdateOutcome> {
  if (fileConnections().some((connection) => connection.id === id)) throw readOnly(id);
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  if (!row) throw noSuchConnection(id);
  if (patch.kind !== row.kind) {
    throw conflict(
      text`This connection is a ${row.kind}; a kind cannot change. Add a new connection instead.`,
      [{ field: "kind", message: text`Must be ${row.kind}` }],
    );
  }
  const { kind: _kind, name, ...fields } = patch;
  const secretFields = new Set<string>(secretFieldsOf(row.kind));
  const plain: Record<string, unknown> = { ...row.settings };
  const secrets: Record<string, string> = { ...row.secrets };
  const changed: string[] = [];
  if (name !== undefined && name !== row.name) changed.push("name");
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    changed.push(field);
    if (secretFields.has(field)) secrets[field] = vault.seal(String(value), { connectionId: id, field });
    else plain[field] = value;
  }
  // Timeouts may be sent in part; the others keep their values.
  if (fields.timeouts) plain.timeouts = { ...(row.settings.timeouts as object), ...fields.timeouts };
  const sentSecrets = new Set(Object.keys(fields).filter((field) => secretFields.has(field)));
  checkUpdate(row.kind, fromRow(row).plain, plain as unknown as PlainSettings, sentSecrets);
  const [updated] = await db
    .update(connections)
    .set({ name: name ?? row.name, settings: plain, secrets, updatedAt: new Date() })
    .where(eq(connections.id, id))
    .returning();
  if (!updated) throw noSuchConnection(id);
  await forgetConnection(id);
  await forgetHttpClient(id);
  return { entry: fromRow(updated), changed };
}

export async function deleteConnection(db: Database, id: string): Promise<ConnectionEntry> {
  if (fileConnections().some((connection) => connection.id === id)) throw readOnly(id);
  const [row] = await db.delete(connections).where(eq(connections.id, id)).returning();
  if (!row) throw noSuchConnection(id);
  await db.delete(connectionHealth).where(eq(connectionHealth.connectionId, id));
  await forgetConnection(id);
  await forgetHttpClient(id);
  forgetConnectionCaches(id);
  // The row is gone already: a store that does not answer must not turn the removal into an error (the
  // exchanges then expire on their own).
  await forgetConnectionExchanges(id).catch((error: unknown) =>
    console.warn(`[diagnostics] could not drop the exchanges of ${id}: ${(error as Error).message}`),
  );
  return fromRow(row);
}

/** A connection's health as the server holds it: its message is read in the reader's language. */
export type Health = Localizable<HealthDto>;

export const UNKNOWN_HEALTH: Health = {
  state: "unknown",
  checkedAt: null,
  latencyMs: null,
  outcome: null,
  message: null,
};

/**
 * Health messages name the host, the user or the tenant so an admin can act on them; readers who may not
 * see settings get the same message with those values replaced.
 */
export function healthForReaders(health: Health, plain: PlainSettings): Health {
  if (!health.message) return health;
  const url = new URL(plain.baseUrl);
  const settings = [plain.baseUrl, url.host, url.hostname, plain.username, plain.domain, plain.cloudId]
    .filter((value): value is string => typeof value === "string" && value.length >= 3)
    // Longest first, so the URL is replaced before the host inside it.
    .sort((a, b) => b.length - a.length);
  const hidden = (words: string) => settings.reduce((said, value) => said.split(value).join("…"), words);
  return { ...health, message: changingValues(health.message, hidden) };
}

/**
 * The one shape a connection leaves the server in. Settings go only to those who may manage connections;
 * secrets never, only `{ set: true }`.
 */
export function toConnectionDto(
  entry: ConnectionEntry,
  health: Health,
  withSettings: boolean,
): Localizable<ConnectionDto> {
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    source: entry.source,
    insecure: insecureReasonOf(entry.plain) !== null,
    insecureReason: insecureReasonOf(entry.plain),
    health: withSettings ? health : healthForReaders(health, entry.plain),
    ...(withSettings && {
      settings: settingsDto(entry.kind, entry.plain),
      createdAt: entry.createdAt?.toISOString() ?? null,
      updatedAt: entry.updatedAt?.toISOString() ?? null,
    }),
  };
}

/** Database rows hidden by a file entry with the same id, for a start-up warning. */
export async function shadowedIds(db: Database): Promise<string[]> {
  const fileIds = new Set(fileConnections().map((connection) => connection.id));
  if (fileIds.size === 0) return [];
  const rows = await db.select({ id: connections.id }).from(connections);
  return rows.map((row) => row.id).filter((id) => fileIds.has(id));
}
