import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Text, text } from "@/lib/i18n/api-messages/text";
import { CONNECTIONS_KEY_FILE, persistedSecret, serverConfig } from "@/lib/server/config/config";

/**
 * Vendor secrets at rest: AES-256-GCM with a fresh 96-bit IV per value. The associated data binds each
 * ciphertext to its connection id and field, so a sealed value copied into another row (or another field
 * of the same row) fails authentication instead of being sent to the wrong appliance.
 *
 * Sealed form: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id lets the console say
 * "this was sealed under another master key" rather than a bare decryption failure.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Domain separation: the master secret may be a passphrase-like string; the AES key is derived from it. */
const HKDF_INFO = "operator-console/connection-secrets/v1";

export interface SecretContext {
  connectionId: string;
  field: string;
}

/** A sealed secret that cannot be opened; its message tells an admin what to do, in their language. */
export class VaultError extends Error {
  constructor(readonly text: Text) {
    super(String(text));
    this.name = "VaultError";
  }
}

export interface Vault {
  /** Id of the key new values are sealed with (8 hex digits of a hash of the key; reveals nothing). */
  readonly keyId: string;
  seal(plaintext: string, context: SecretContext): string;
  open(sealed: string, context: SecretContext): string;
  /** The key id a sealed value names, or null when it is not a sealed value. */
  keyIdOf(sealed: string): string | null;
}

interface Key {
  id: string;
  bytes: Buffer;
}

function deriveKey(masterSecret: string): Key {
  const bytes = Buffer.from(
    hkdfSync("sha256", Buffer.from(masterSecret, "utf8"), Buffer.alloc(0), HKDF_INFO, 32),
  );
  const id = createHash("sha256").update("key-id:").update(bytes).digest("hex").slice(0, 8);
  return { id, bytes };
}

function associatedData({ connectionId, field }: SecretContext): Buffer {
  return Buffer.from(`connection:${connectionId}\u0000field:${field}`, "utf8");
}

const SEALED = /^v1\.([0-9a-f]{8})\.([\w-]+)\.([\w-]+)\.([\w-]*)$/;

/**
 * A vault sealing with `primary` and opening with it or any of `previous` (a key rotation that was
 * interrupted leaves values under both, and the console must keep working meanwhile).
 */
export function createVault(primary: string, previous: readonly string[] = []): Vault {
  const sealKey = deriveKey(primary);
  const keys = new Map<string, Key>([sealKey, ...previous.map(deriveKey)].map((key) => [key.id, key]));
  return {
    keyId: sealKey.id,
    keyIdOf: (sealed) => SEALED.exec(sealed)?.[1] ?? null,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", sealKey.bytes, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        VERSION,
        sealKey.id,
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        ciphertext.toString("base64url"),
      ].join(".");
    },
    open(sealed, context) {
      const { field, connectionId } = context;
      const match = SEALED.exec(sealed);
      if (!match) {
        throw new VaultError(
          text`The stored ${field} of connection ${connectionId} is not a sealed secret; enter it again.`,
        );
      }
      const [, keyId = "", iv = "", tag = "", ciphertext = ""] = match;
      const key = keys.get(keyId);
      if (!key) {
        throw new VaultError(
          text`The stored ${field} of connection ${connectionId} was sealed under master key ${keyId}, but the console has key ${sealKey.id}. Give every instance the same CONSOLE_SECRET_KEY (or restore the data directory's key file), or enter the secret again.`,
        );
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(associatedData(context));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new VaultError(
          text`The stored ${field} of connection ${connectionId} failed its integrity check: it was altered, or copied from another connection. Enter it again.`,
        );
      }
    },
  };
}

/** Where the generated master key lives when CONSOLE_SECRET_KEY is not set. */
export function keyFilePath(): string {
  return path.join(/*turbopackIgnore: true*/ serverConfig().DATA_DIR, CONNECTIONS_KEY_FILE);
}

/** The key a rotation writes before re-sealing, renamed over the key file once the database is done. */
export function nextKeyFilePath(): string {
  return `${keyFilePath()}.next`;
}

const holder = globalThis as typeof globalThis & { __consoleVault?: Vault };

/**
 * The console's vault: the master secret from CONSOLE_SECRET_KEY, or the key file generated (0600) in the
 * data directory on first use. A `.next` key left by an interrupted rotation is accepted for opening.
 */
export function consoleVault(): Vault {
  if (holder.__consoleVault) return holder.__consoleVault;
  const fromEnv = serverConfig().CONSOLE_SECRET_KEY;
  const primary = persistedSecret(CONNECTIONS_KEY_FILE, fromEnv);
  const next = nextKeyFilePath();
  const previous = !fromEnv && existsSync(next) ? [readFileSync(next, "utf8").trim()] : [];
  holder.__consoleVault = createVault(primary, previous);
  return holder.__consoleVault;
}

/** After a key rotation in this process, or for tests. */
export function resetConsoleVault(): void {
  holder.__consoleVault = undefined;
}
