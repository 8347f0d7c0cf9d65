import { afterEach, describe, expect, it } from "vitest";
import { logLevel, serverConfig } from "@/lib/server/config/config";
import { captureLogs } from "@/testing/log-capture";
import { logger } from "./logger";

let logs: ReturnType<typeof captureLogs>;
afterEach(() => logs.restore());

describe("the logger", () => {
  it("redacts secrets by key wherever they sit, and keeps everything else", () => {
    logs = captureLogs();
    logger.info(
      {
        headers: { authorization: "Bearer oc_leaked", cookie: "session=leaked", "set-cookie": "s=leaked" },
        body: { email: "ops@example.com", password: "leaked-password", nested: { apiKey: "leaked-key" } },
        connection: { config: { secretKey: "leaked-secret", token: "leaked-token", baseUrl: "https://pbx" } },
        secret: "leaked-top",
      },
      "a request",
    );
    expect(logs.text()).not.toContain("leaked");
    expect(logs.lines[0]).toMatchObject({
      msg: "a request",
      headers: { authorization: "[redacted]", cookie: "[redacted]", "set-cookie": "[redacted]" },
      body: { email: "ops@example.com", password: "[redacted]", nested: { apiKey: "[redacted]" } },
      connection: { config: { secretKey: "[redacted]", token: "[redacted]", baseUrl: "https://pbx" } },
      secret: "[redacted]",
    });
  });

  it("writes an error with its cause chain and its own fields, redacted the same way", () => {
    logs = captureLogs();
    const cause = Object.assign(new Error("connect ECONNREFUSED 10.0.0.9:443"), { code: "ECONNREFUSED" });
    const error = Object.assign(new Error("fetch failed", { cause }), { password: "leaked" });
    logger.error({ err: error }, "[connections] a test failed unexpectedly");
    expect(logs.text()).not.toContain("leaked");
    expect(logs.lines[0]).toMatchObject({
      level: "error",
      err: {
        type: "Error",
        message: "fetch failed",
        stack: expect.stringContaining("fetch failed"),
        password: "[redacted]",
        cause: { message: "connect ECONNREFUSED 10.0.0.9:443", code: "ECONNREFUSED" },
      },
    });
  });
});

/** Runs `read` with the variables set (undefined: unset), then puts the environment back. */
function withEnv<T>(values: Record<string, string | undefined>, read: () => T): T {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  const apply = (from: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(from)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(values);
  try {
    return read();
  } finally {
    apply(previous);
  }
}

describe("LOG_LEVEL", () => {
  const withLevel = (value: string | undefined) => withEnv({ LOG_LEVEL: value }, logLevel);

  it("takes pino's level names, and info when unset or empty", () => {
    expect(withLevel("debug")).toBe("debug");
    expect(withLevel("silent")).toBe("silent");
    expect(withLevel("")).toBe("info");
    expect(withLevel(undefined)).toBe("info");
  });

  it("falls back to info for the logger on a wrong value, which the start-up refuses by name", () => {
    expect(withLevel("verbose")).toBe("info");
    // A refused configuration is not cached, so each of these is read afresh.
    expect(() => withEnv({ LOG_LEVEL: "verbose" }, serverConfig)).toThrow(
      "LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    );
    expect(() => withEnv({ API_TOKEN_MAX_LIFETIME_DAYS: "0" }, serverConfig)).toThrow(
      "API_TOKEN_MAX_LIFETIME_DAYS: API_TOKEN_MAX_LIFETIME_DAYS must be at least 1",
    );
    expect(() => withEnv({ API_TOKEN_MAX_LIFETIME_DAYS: "forever" }, serverConfig)).toThrow(
      /API_TOKEN_MAX_LIFETIME_DAYS: /,
    );
  });
});
