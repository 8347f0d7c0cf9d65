import { afterEach, describe, expect, it } from "vitest";
import { serverConfig } from "@/lib/server/config/config";
import { redisTarget } from "./redis-state";

const before = process.env.REDIS_URL;
afterEach(() => {
  // Assigning undefined would store the string "undefined".
  if (before === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = before;
});

describe("REDIS_URL", () => {
  it("refuses anything but a redis:// or rediss:// URL, naming the variable, and takes a valid one", () => {
    process.env.REDIS_URL = "http://cache.internal:6379";
    expect(() => serverConfig()).toThrow(/REDIS_URL: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    process.env.REDIS_URL = "cache.internal:6379";
    expect(() => serverConfig()).toThrow(/REDIS_URL must be a redis/);
    process.env.REDIS_URL = "rediss://console:secret@cache.internal:6380/0";
    expect(serverConfig().REDIS_URL).toBe("rediss://console:secret@cache.internal:6380/0");
  });

  it("is named in messages by scheme, host and port only, never with its password", () => {
    expect(redisTarget("rediss://console:secret@cache.internal:6380/0")).toBe("rediss://cache.internal:6380");
    expect(redisTarget("redis://:secret@10.0.0.5")).toBe("redis://10.0.0.5:6379");
  });
});
