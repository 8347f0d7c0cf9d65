import "server-only";
import { type Message, text } from "@/lib/i18n/api-messages/text";
import { ApiError, ERROR_KIND } from "@/lib/server/errors/api-error";

/**
 * State that every console instance must agree on but that does not belong in the database: vendor sessions
 * and tokens (one login per connection, not one per instance) and the locks that serialise work across
 * instances. Without REDIS_URL it lives in this process's memory, which is exactly right for one instance;
 * with REDIS_URL it lives in Redis and every instance sees the same values and locks.
 */
export interface SharedState {
  /** True when other processes read these values too: anything secret must be sealed before `set`. */
  readonly crossesProcesses: boolean;
  get(key: string): Promise<string | null>;
  /** Stores `value` for `ttlMs`; after that it is gone, as if deleted. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Replaces the value and its TTL only while the key exists (Redis `SET … XX`); answers whether it did. A
   * value that expired or was deleted stays gone: a late writer cannot bring it back.
   */
  setIfPresent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes a value or a list. */
  delete(key: string): Promise<void>;
  /** Deletes only while the value is still `expected` (compare-and-delete); answers whether it did. */
  deleteIfEquals(key: string, expected: string): Promise<boolean>;
  /**
   * Puts `item` at the head of the list `key` and keeps only its newest `max` items, in one step; the list
   * lives `ttlMs` after its last push (a log that nobody writes to any more goes away on its own).
   */
  pushCapped(key: string, item: string, max: number, ttlMs: number): Promise<void>;
  /** The items of the list `key`, newest first; empty when there is none. */
  listItems(key: string): Promise<string[]>;
  /**
   * Runs `run` while holding the lock `key`, waiting up to `waitMs` for it (then LockBusyError). The lease
   * bounds how long a crashed holder can block the others; a live holder keeps extending it.
   */
  withLock<T>(key: string, options: LockOptions, run: () => Promise<T>): Promise<T>;
  /** Runs `run` only if the lock is free right now; otherwise answers at once without running it. */
  tryWithLock<T>(key: string, leaseMs: number, run: () => Promise<T>): Promise<LockAttempt<T>>;
  /**
   * Sends `message` to whoever subscribes to `channel` now, on every instance (Redis PUBLISH); nothing is
   * kept for a subscriber that is not listening. For "drop what you cached about X", never for data.
   */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `listener.message` with each message published on `channel` from now on. A store that can lose
   * messages (Redis while its connection is down) calls `listener.interrupted` when it may have, and its
   * subscription is not `live` until it listens again: a cache must then forget, and not trust itself meanwhile.
   */
  subscribe(channel: string, listener: ChannelListener): Promise<Subscription>;
  /** Checks the store answers (start-up); throws SharedStateUnavailableError when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface LockOptions {
  leaseMs: number;
  waitMs: number;
}

export interface ChannelListener {
  message(message: string): void;
  interrupted(): void;
}

export interface Subscription {
  /** False while messages could be missed (the connection that receives them is down). */
  readonly live: boolean;
  close(): Promise<void>;
}

export type LockAttempt<T> = { acquired: true; value: T } | { acquired: false };

/** The lock stayed taken by someone else for the whole wait. */
export class LockBusyError extends ApiError {
  static readonly [ERROR_KIND] = "LockBusyError";
  constructor(what: Message, waitMs: number) {
    super(
      503,
      "busy",
      text`Another request (possibly on another console instance) held ${what} for more than ${Math.round(waitMs / 1000)} s; try again shortly.`,
    );
    this.name = "LockBusyError";
  }
}

/** Redis is configured but does not answer: vendor sessions and locks cannot be shared meanwhile. */
export class SharedStateUnavailableError extends ApiError {
  static readonly [ERROR_KIND] = "SharedStateUnavailableError";
  constructor(detail: Message) {
    super(
      503,
      "shared_state_unavailable",
      text`The shared state store (REDIS_URL) is not answering: ${detail}. Vendor sessions and locks are shared through it; check that Redis is running and reachable from every instance.`,
    );
    this.name = "SharedStateUnavailableError";
  }
}
