import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "redis";
import { text } from "@/lib/i18n/api-messages/text";
import { logger } from "@/lib/server/logging/logger";
import {
  type ChannelListener,
  type LockAttempt,
  LockBusyError,
  type LockOptions,
  type SharedState,
  SharedStateUnavailableError,
  type Subscription,
} from "./store";

/**
 * Shared state in Redis, for several console instances (REDIS_URL). One connection per process, opened on
 * first use. Locks are the single-instance Redis lock: `SET key token NX PX lease`, released and extended
 * only by the holder of the token (a Lua script compares and acts in one step, so a holder whose lease ran
 * out can never delete the lock the next holder took).
 */

/** The client, configured once; its type is what the rest of the class talks to. */
function newClient(url: string, reconnectStrategy: (retries: number, cause: Error) => number | Error) {
  return createClient({
    url,
    // While Redis is away, commands fail at once (and requests answer 503) instead of queueing silently.
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy },
  });
}

type RedisClient = ReturnType<typeof newClient>;

/** Every key the console writes starts with this, so a Redis shared with other software stays readable. */
const KEY_PREFIX = "operator-console:";

const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const DELETE_IF_EQUALS_SCRIPT = RELEASE_SCRIPT;

/** Waiting for a lock: short first, so a login that takes 50 ms is not followed by a 1 s sleep. */
const FIRST_RETRY_MS = 20;
const MAX_RETRY_MS = 250;
/** Once it has worked, a lost connection is retried forever with this ceiling between attempts. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/** `host:port` of the URL, for messages: the URL itself may carry a password. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    return "an unparsable REDIS_URL";
  }
}

export class RedisState implements SharedState {
  readonly crossesProcesses = true;
  private connecting: Promise<RedisClient> | undefined;
  private everConnected = false;
  private outageLogged = false;
  /** Subscribers need a connection of their own: a subscribed Redis connection takes no other commands. */
  private subscriber: Promise<RedisClient> | undefined;
  private subscriberLive = false;
  private readonly listeners = new Map<string, Set<ChannelListener>>();

  constructor(
    private readonly url: string,
    /** Tests give each run its own prefix so they never see each other's keys. */
    private readonly prefix: string = KEY_PREFIX,
  ) {}

  private client(): Promise<RedisClient> {
    if (this.connecting) return this.connecting;
    const target = redisTarget(this.url);
    // The first connection fails fast with its cause (a wrong URL should stop the start, not hang it);
    // after that, a restart of Redis is waited out.
    const client = newClient(this.url, (retries, cause) =>
      this.everConnected ? Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : cause,
    );
    client.on("error", (error: Error) => {
      if (!this.everConnected || this.outageLogged) return;
      this.outageLogged = true;
      logger.error(
        `[shared-state] lost the connection to Redis at ${target}: ${error.message}; reconnecting`,
      );
    });
    client.on("ready", () => {
      if (this.outageLogged) logger.info(`[shared-state] reconnected to Redis at ${target}`);
      this.everConnected = true;
      this.outageLogged = false;
    });
    const pending = client.connect().then(
      () => client,
      (error: Error) => {
        if (this.connecting === pending) this.connecting = undefined;
        throw new SharedStateUnavailableError(text`no connection to ${target} (${error.message})`);
      },
    );
    this.connecting = pending;
    return pending;
  }

  /** Runs one command; any Redis failure becomes the one 503 error that names REDIS_URL. */
  private async command<T>(run: (client: RedisClient) => Promise<T>): Promise<T> {
    const client = await this.client();
    try {
      return await run(client);
    } catch (error) {
      throw new SharedStateUnavailableError(
        text`${redisTarget(this.url)} failed a command (${(error as Error).message})`,
      );
    }
  }

  async get(key: string): Promise<string | null> {
    const value = await this.command((client) => client.get(this.prefix + key));
    return value === null ? null : String(value);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.command((client) =>
      client.set(this.prefix + key, value, {
        expiration: { type: "PX", value: Math.max(1, Math.round(ttlMs)) },
      }),
    );
  }

  async setIfPresent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const answer = await this.command((client) =>
      client.set(this.prefix + key, value, {
        expiration: { type: "PX", value: Math.max(1, Math.round(ttlMs)) },
        condition: "XX",
      }),
    );
    return answer === "OK";
  }

  async delete(key: string): Promise<void> {
    await this.command((client) => client.del(this.prefix + key));
  }

  async pushCapped(key: string, item: string, max: number, ttlMs: number): Promise<void> {
    const listKey = this.prefix + key;
    // One transaction, so readers on other instances never see the list longer than `max` or without expiry.
    await this.command((client) =>
      client
        .multi()
        .lPush(listKey, item)
        .lTrim(listKey, 0, Math.max(0, max) - 1)
        .pExpire(listKey, Math.max(1, Math.round(ttlMs)))
        .exec(),
    );
  }

  async listItems(key: string): Promise<string[]> {
    const items = await this.command((client) => client.lRange(this.prefix + key, 0, -1));
    return items.map(String);
  }

  async deleteIfEquals(key: string, expected: string): Promise<boolean> {
    const deleted = await this.command((client) =>
      client.eval(DELETE_IF_EQUALS_SCRIPT, { keys: [this.prefix + key], arguments: [expected] }),
    );
    return Number(deleted) === 1;
  }

  /** Takes the lock if it is free; answers the token that proves ownership, or null. */
  private async acquire(lockKey: string, leaseMs: number): Promise<string | null> {
    const token = randomUUID();
    const answer = await this.command((client) =>
      client.set(lockKey, token, { expiration: { type: "PX", value: leaseMs }, condition: "NX" }),
    );
    return answer === "OK" ? token : null;
  }

  /**
   * Runs `run` as the lock's holder. The lease is extended every third of its length while `run` is busy,
   * so a long change sequence keeps its lock, and a crashed instance's lock frees itself within one lease.
   */
  private async holding<T>(
    lockKey: string,
    token: string,
    leaseMs: number,
    run: () => Promise<T>,
  ): Promise<T> {
    let lost = false;
    const renewal = setInterval(
      () => {
        void this.command((client) =>
          client.eval(EXTEND_SCRIPT, { keys: [lockKey], arguments: [token, String(leaseMs)] }),
        )
          .then((extended) => {
            if (Number(extended) === 1 || lost) return;
            lost = true;
            // The work cannot be undone half-way; say so, so an operator can tell why two changes overlapped.
            logger.warn(
              `[shared-state] the lock ${lockKey} expired while held (Redis was unreachable for a whole lease)`,
            );
          })
          .catch(() => undefined);
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    try {
      return await run();
    } finally {
      clearInterval(renewal);
      await this.command((client) =>
        client.eval(RELEASE_SCRIPT, { keys: [lockKey], arguments: [token] }),
      ).catch(
        // Not released: it frees itself when the lease runs out.
        () => undefined,
      );
    }
  }

  async withLock<T>(key: string, options: LockOptions, run: () => Promise<T>): Promise<T> {
    const lockKey = `${this.prefix}lock:${key}`;
    const deadline = Date.now() + options.waitMs;
    for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
      const token = await this.acquire(lockKey, options.leaseMs);
      if (token) return this.holding(lockKey, token, options.leaseMs, run);
      const left = deadline - Date.now();
      if (left <= 0) throw new LockBusyError(text`the lock "${key}"`, options.waitMs);
      // Jitter keeps waiters on several instances from retrying in lockstep.
      await sleep(Math.min(left, delay / 2 + Math.random() * delay));
    }
  }

  async tryWithLock<T>(key: string, leaseMs: number, run: () => Promise<T>): Promise<LockAttempt<T>> {
    const lockKey = `${this.prefix}lock:${key}`;
    const token = await this.acquire(lockKey, leaseMs);
    if (!token) return { acquired: false };
    return { acquired: true, value: await this.holding(lockKey, token, leaseMs, run) };
  }

  async ping(): Promise<void> {
    await this.command((client) => client.ping());
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.command((client) => client.publish(this.prefix + channel, message));
  }

  async subscribe(channel: string, listener: ChannelListener): Promise<Subscription> {
    const client = await this.subscriberClient();
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      const created = new Set<ChannelListener>();
      listeners = created;
      this.listeners.set(channel, created);
      try {
        await client.subscribe(this.prefix + channel, (message) => {
          for (const each of created) each.message(String(message));
        });
      } catch (error) {
        this.listeners.delete(channel);
        throw new SharedStateUnavailableError(
          text`${redisTarget(this.url)} refused a subscription (${(error as Error).message})`,
        );
      }
    }
    listeners.add(listener);
    const state = this;
    return {
      get live() {
        return state.subscriberLive;
      },
      async close() {
        listeners.delete(listener);
      },
    };
  }

  /**
   * The subscribing connection. Messages sent while it is down are lost for good, so every listener hears
   * of each outage (and of the return, when the client has subscribed again) and caches forget meanwhile.
   */
  private subscriberClient(): Promise<RedisClient> {
    if (this.subscriber) return this.subscriber;
    const target = redisTarget(this.url);
    let connected = false;
    const client = newClient(this.url, (retries, cause) =>
      connected ? Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : cause,
    );
    const tellListeners = () => {
      for (const listeners of this.listeners.values()) for (const each of listeners) each.interrupted();
    };
    const interrupt = () => {
      this.subscriberLive = false;
      tellListeners();
    };
    // The main connection logs the outage; this one only has to make the caches forget.
    client.on("error", interrupt);
    client.on("reconnecting", interrupt);
    client.on("ready", () => {
      // Back: whatever was cached between the outage and now was cached without hearing the news.
      if (connected) tellListeners();
      connected = true;
      this.subscriberLive = true;
    });
    const pending = client.connect().then(
      () => client,
      (error: Error) => {
        if (this.subscriber === pending) this.subscriber = undefined;
        throw new SharedStateUnavailableError(text`no connection to ${target} (${error.message})`);
      },
    );
    this.subscriber = pending;
    return pending;
  }

  async close(): Promise<void> {
    const connections = [this.connecting, this.subscriber];
    this.connecting = undefined;
    this.subscriber = undefined;
    this.subscriberLive = false;
    this.listeners.clear();
    for (const pending of connections) {
      const client = await pending?.catch(() => undefined);
      await client?.close().catch(() => client.destroy());
    }
  }
}
