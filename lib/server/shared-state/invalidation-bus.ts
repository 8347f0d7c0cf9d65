import "server-only";
import { logger } from "@/lib/server/logging/logger";
import { sharedState } from "./shared-state";
import type { SharedState, Subscription } from "./store";

/** What a cache does when told: drop what carries `tag`, or everything. */
export interface Forgetter {
  forget(tag: string): void;
  forgetAll(): void;
}

/** The message that makes every cache on a channel forget everything. */
export const EVERYTHING = "*";

/**
 * One channel of "forget what you cached about X" messages, for this process and, through the shared state,
 * for every other instance (Redis pub/sub with REDIS_URL). The caller's own caches forget before `invalidate`
 * returns, so the instance that made a change never answers from what it replaced; the others forget as the
 * message arrives. Messages can be lost while Redis is away: caches then forget everything and are bypassed
 * until the subscription is live again (`trusted`).
 *
 * `generation` grows with every message: a cache that loaded a value while a message arrived does not keep it
 * (the value may predate the change the message announced).
 */
const holder = globalThis as typeof globalThis & {
  __consoleInvalidationBuses?: Map<string, InvalidationBus>;
};

/**
 * The process's bus of a channel. On globalThis, like the shared state itself: every module copy Next loads
 * must register its caches with the one bus that delivers this process's own messages.
 */
export function invalidationBus(channel: string): InvalidationBus {
  holder.__consoleInvalidationBuses ??= new Map();
  let bus = holder.__consoleInvalidationBuses.get(channel);
  if (!bus) {
    bus = new InvalidationBus(channel);
    holder.__consoleInvalidationBuses.set(channel, bus);
  }
  return bus;
}

export class InvalidationBus {
  private readonly forgetters = new Set<Forgetter>();
  private subscribedTo: SharedState | undefined;
  private subscription: Subscription | undefined;
  private subscribing: Promise<void> | undefined;
  private generationCounter = 0;

  constructor(
    private readonly channel: string,
    private readonly state: () => SharedState = sharedState,
  ) {}

  register(forgetter: Forgetter): void {
    this.forgetters.add(forgetter);
  }

  get generation(): number {
    return this.generationCounter;
  }

  /**
   * Whether a cache may answer from memory now: subscribed to the current store and not missing messages.
   * Never waits: the first call starts the subscription and answers false until it is in place.
   */
  get trusted(): boolean {
    const state = this.state();
    if (state !== this.subscribedTo) this.resubscribe(state);
    return this.subscription?.live === true && this.subscribedTo === state;
  }

  /**
   * Forgets `tag` here at once, then tells the other instances. A store that cannot take the message does
   * not fail the change that sent it: the other instances' subscriptions are down too, so they forget
   * everything and trust nothing until they hear again.
   */
  async invalidate(tag: string): Promise<void> {
    this.deliver(tag);
    try {
      await this.state().publish(this.channel, tag);
    } catch (error) {
      logger.warn(
        `[shared-state] could not tell the other instances to forget ${tag}: ${(error as Error).message}`,
      );
    }
  }

  private deliver(tag: string): void {
    this.generationCounter++;
    for (const forgetter of this.forgetters) {
      if (tag === EVERYTHING) forgetter.forgetAll();
      else forgetter.forget(tag);
    }
  }

  private forgetEverything(): void {
    this.deliver(EVERYTHING);
  }

  /** Another store was installed (tests, or the first use): nothing known so far was heard from it. */
  private resubscribe(state: SharedState): void {
    this.forgetEverything();
    const previous = this.subscription;
    this.subscribedTo = state;
    this.subscription = undefined;
    void previous?.close();
    const attempt = state
      .subscribe(this.channel, {
        message: (tag) => this.deliver(tag),
        interrupted: () => this.forgetEverything(),
      })
      .then(
        (subscription) => {
          if (this.subscribedTo === state) this.subscription = subscription;
          else void subscription.close();
        },
        () => {
          // Not subscribed (the store is down): try again on a later request; until then nothing is cached.
          if (this.subscribedTo === state) this.subscribedTo = undefined;
        },
      )
      .finally(() => {
        if (this.subscribing === attempt) this.subscribing = undefined;
      });
    this.subscribing = attempt;
  }

  /** For tests and start-up: resolves once the subscription to the current store is in place (or failed). */
  async ready(): Promise<boolean> {
    if (this.trusted) return true;
    await this.subscribing;
    return this.trusted;
  }
}
