import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { CONNECTIONS_KEY_FILE, persistedSecret, serverConfig } from "@/lib/server/config/config";
import { logger } from "@/lib/server/logging/logger";
import { consoleVault, type Vault, VaultError } from "@/lib/server/vault/vault";
import { sharedState } from "./shared-state";
import type { SharedState } from "./store";

/**
 * Vendor sessions and tokens shared by every console instance: one login per connection, not one per instance
 * or per request. The first caller to find none takes the connection's login lock, looks again (another
 * instance may have logged in while it waited), and only then logs in. A session the vendor refused is
 * dropped only if it is still the one stored, so the instances that saw it fail together log in once.
 * Values that leave the process are sealed with the console's vault (AES-GCM bound to the key and kind):
 * Redis never holds a usable vendor session in clear.
 */

/** A session as it was read: the value, and the stored form that identifies it for compare-and-delete. */
export interface SessionLease<T> {
  value: T;
  stored: string;
}

export interface VendorSessionsOptions<T> {
  /** Names the kind of value, e.g. "kerio-session"; part of the key and of the seal's associated data. */
  kind: string;
  /** How long the store keeps a value that nobody refreshes (housekeeping; vendors have their own expiry). */
  ttlMs: number;
  /** Rejects a stored value that is malformed (another version of the console wrote it): it is logged in again. */
  parse: (raw: unknown) => T | null;
  /** The store and vault to use; by default the process's shared state, sealed when it crosses processes. */
  state?: () => SharedState;
  vault?: () => Vault;
}

let keyNameKey: Buffer | undefined;

/** HMAC of a cache key under a key derived from the console's master secret (the same on every instance). */
function sharedKeyName(key: string): string {
  keyNameKey ??= Buffer.from(
    hkdfSync(
      "sha256",
      persistedSecret(CONNECTIONS_KEY_FILE, serverConfig().CONSOLE_SECRET_KEY),
      Buffer.alloc(0),
      "operator-console/shared-state-key-names/v1",
      32,
    ),
  );
  return createHmac("sha256", keyNameKey).update(key).digest("hex").slice(0, 32);
}

/** Longer than any login (connect + read timeouts); a live holder extends it anyway. */
const LOGIN_LEASE_MS = 30_000;
/** A waiter gives up after this: the holder's login is stuck well past every vendor timeout. */
const LOGIN_WAIT_MS = 60_000;

export class VendorSessions<T> {
  /** Concurrent callers in this process share one lookup, so a burst costs one round trip to the store. */
  private readonly inFlight = new Map<string, Promise<SessionLease<T>>>();
  private warnedUnreadable = false;

  constructor(private readonly options: VendorSessionsOptions<T>) {}

  private state(): SharedState {
    return (this.options.state ?? sharedState)();
  }

  /**
   * The name under which `key` is stored. A connection's cache key holds a hash of its settings (password
   * included); a store other processes read gets a keyed hash of it instead, so nothing there can be used to
   * test password guesses.
   */
  private storageKey(key: string): string {
    const name = this.state().crossesProcesses ? sharedKeyName(key) : key;
    return `vendor-session:${this.options.kind}:${name}`;
  }

  /**
   * The session of `key`: the stored one while `usable` accepts it, otherwise a new one from `login`, taken
   * by one caller across all instances.
   */
  obtain(
    key: string,
    login: () => Promise<T>,
    usable: (value: T) => boolean = () => true,
  ): Promise<SessionLease<T>> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const lookup = this.lookUpOrLogIn(key, login, usable).finally(() => {
      if (this.inFlight.get(key) === lookup) this.inFlight.delete(key);
    });
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private async lookUpOrLogIn(
    key: string,
    login: () => Promise<T>,
    usable: (value: T) => boolean,
  ): Promise<SessionLease<T>> {
    const stored = await this.read(key);
    if (stored && usable(stored.value)) return stored;
    return this.state().withLock(
      `login:${this.storageKey(key)}`,
      { leaseMs: LOGIN_LEASE_MS, waitMs: LOGIN_WAIT_MS },
      async () => {
        const again = await this.read(key);
        if (again && usable(again.value)) return again;
        const value = await login();
        const encoded = this.encode(key, value);
        await this.state().set(this.storageKey(key), encoded, this.options.ttlMs);
        return { value, stored: encoded };
      },
    );
  }

  /** Drops the session the vendor refused, unless another caller already replaced it. */
  async invalidate(key: string, lease: SessionLease<T>): Promise<void> {
    await this.state().deleteIfEquals(this.storageKey(key), lease.stored);
    // A lookup that started before the delete may have read the refused session: the caller's replay must
    // not join it, or it would be handed the same dead session again.
    this.inFlight.delete(key);
  }

  private sealing(): Vault | null {
    if (!this.state().crossesProcesses) return null;
    return (this.options.vault ?? consoleVault)();
  }

  private encode(key: string, value: T): string {
    const json = JSON.stringify(value);
    const vault = this.sealing();
    return vault ? vault.seal(json, { connectionId: key, field: this.options.kind }) : json;
  }

  private async read(key: string): Promise<SessionLease<T> | null> {
    const stored = await this.state().get(this.storageKey(key));
    if (stored === null) return null;
    try {
      const vault = this.sealing();
      const json = vault ? vault.open(stored, { connectionId: key, field: this.options.kind }) : stored;
      const value = this.options.parse(JSON.parse(json));
      return value === null ? null : { value, stored };
    } catch (error) {
      if (!(error instanceof VaultError || error instanceof SyntaxError)) throw error;
      // Another instance sealed it under another master key: log in again (and say why once, since every
      // instance doing its own login is exactly what sharing is meant to prevent).
      if (!this.warnedUnreadable) {
        this.warnedUnreadable = true;
        logger.warn(
          `[shared-state] a shared ${this.options.kind} could not be opened (${(error as Error).message}); give every instance the same CONSOLE_SECRET_KEY`,
        );
      }
      return null;
    }
  }
}
