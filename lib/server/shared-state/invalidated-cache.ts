import "server-only";
import type { Forgetter, InvalidationBus } from "./invalidation-bus";

export interface InvalidatedCacheOptions<V> {
  bus: InvalidationBus;
  /** How long a value is trusted without news: the bound for changes made where no message comes from. */
  ttlMs: number;
  /** Beyond this, the oldest entries go first: a bound on memory, not a tuning knob. */
  maxEntries: number;
  /** Tags besides the key that make an entry go, e.g. the user a token answers to. */
  tagsOf?: (value: V) => readonly string[];
  now?: () => number;
}

interface Entry<V> {
  value: V;
  tags: readonly string[];
  expiresAt: number;
}

/**
 * What a request needs again on the next request (who the caller is, a connection's settings), kept in this
 * process for a short time and dropped on every instance when it changes (see InvalidationBus). Only
 * what `load` found is kept: an absent value is asked again each time.
 */
export class InvalidatedCache<V> implements Forgetter {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(private readonly options: InvalidatedCacheOptions<V>) {
    this.now = options.now ?? (() => Date.now());
    options.bus.register(this);
  }

  /** The kept value, or what `load` answers (kept unless undefined); `load` may also throw, and nothing is kept. */
  async read<R extends V | undefined>(key: string, load: () => Promise<R>): Promise<V | R> {
    const { bus } = this.options;
    const trusted = bus.trusted;
    if (trusted) {
      const entry = this.entries.get(key);
      if (entry && entry.expiresAt > this.now()) return entry.value;
    }
    const generation = bus.generation;
    const value = await load();
    // A message that came while loading may announce a change the value predates: use it once, keep it not.
    if (value !== undefined && trusted && bus.generation === generation) this.keep(key, value);
    return value;
  }

  private keep(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const tags = [key, ...(this.options.tagsOf?.(value) ?? [])];
    this.entries.set(key, { value, tags, expiresAt: this.now() + this.options.ttlMs });
  }

  forget(tag: string): void {
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.entries.delete(key);
  }

  forgetAll(): void {
    this.entries.clear();
  }
}
