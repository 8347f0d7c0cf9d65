import "server-only";
import type { ChannelListener, LockAttempt, LockOptions, SharedState, Subscription } from "./store";

/**
 * The embedded default: values and locks in this process's memory, which is all one instance needs. Locks
 * queue their callers in order; leases and waits do not apply, because a holder cannot crash without taking
 * the whole process (and so every waiter) with it, and every holder's vendor calls have their own timeouts.
 */
export class MemoryState implements SharedState {
  readonly crossesProcesses = false;
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  private readonly lists = new Map<string, { items: string[]; expiresAt: number }>();
  /** The last run queued on each lock; it is removed when it settles and nobody queued behind it. */
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly channels = new Map<string, Set<ChannelListener>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    const entry = this.values.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.values.delete(key);
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  async setIfPresent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if ((await this.get(key)) === null) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.lists.delete(key);
  }

  async pushCapped(key: string, item: string, max: number, ttlMs: number): Promise<void> {
    const list = this.liveList(key) ?? { items: [], expiresAt: 0 };
    list.items.unshift(item);
    list.items.length = Math.min(list.items.length, Math.max(0, max));
    list.expiresAt = this.now() + ttlMs;
    this.lists.set(key, list);
  }

  async listItems(key: string): Promise<string[]> {
    return [...(this.liveList(key)?.items ?? [])];
  }

  private liveList(key: string): { items: string[]; expiresAt: number } | undefined {
    const list = this.lists.get(key);
    if (list && list.expiresAt <= this.now()) {
      this.lists.delete(key);
      return undefined;
    }
    return list;
  }

  async deleteIfEquals(key: string, expected: string): Promise<boolean> {
    if ((await this.get(key)) !== expected) return false;
    this.values.delete(key);
    return true;
  }

  withLock<T>(key: string, _options: LockOptions, run: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(run);
    this.tails.set(key, next);
    const release = () => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(release, release);
    return next;
  }

  async tryWithLock<T>(key: string, _leaseMs: number, run: () => Promise<T>): Promise<LockAttempt<T>> {
    if (this.tails.has(key)) return { acquired: false };
    return { acquired: true, value: await this.withLock(key, { leaseMs: 0, waitMs: 0 }, run) };
  }

  /** Delivered before it returns: in one process "at once" can be exact. */
  async publish(channel: string, message: string): Promise<void> {
    for (const listener of this.channels.get(channel) ?? []) listener.message(message);
  }

  async subscribe(channel: string, listener: ChannelListener): Promise<Subscription> {
    const listeners = this.channels.get(channel) ?? new Set<ChannelListener>();
    listeners.add(listener);
    this.channels.set(channel, listeners);
    return {
      live: true,
      close: async () => {
        listeners.delete(listener);
      },
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.values.clear();
    this.lists.clear();
    this.channels.clear();
  }
}
