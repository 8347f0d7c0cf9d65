import { describe, expect, it } from "vitest";
import { parseServerConfig } from "./config";

const production = (env: Record<string, string>) => parseServerConfig({ NODE_ENV: "production", ...env });

describe("DEMO_ACCOUNTS", () => {
  it("is refused in production: a production build whose NEXTAUTH_URL is unset or another host", () => {
    expect(() => production({ DEMO_ACCOUNTS: "1" })).toThrow(
      /DEMO_ACCOUNTS: DEMO_ACCOUNTS=1 .* refused in production/,
    );
    expect(() => production({ DEMO_ACCOUNTS: "1", NEXTAUTH_URL: "https://console.example.com" })).toThrow(
      /DEMO_ACCOUNTS/,
    );
    expect(() => production({ DEMO_ACCOUNTS: "1", NEXTAUTH_URL: "http://10.0.0.5:3000" })).toThrow(
      /DEMO_ACCOUNTS/,
    );
    expect(() => production({ DEMO_ACCOUNTS: "1", NEXTAUTH_URL: "http://127.0.0.1.nip.io:3000" })).toThrow(
      /DEMO_ACCOUNTS/,
    );
  });

  it("is allowed on a loopback NEXTAUTH_URL (the demo and the e2e server) and outside production builds", () => {
    for (const url of ["http://127.0.0.1:3100", "http://localhost:3000", "http://[::1]:3000"]) {
      expect(production({ DEMO_ACCOUNTS: "1", NEXTAUTH_URL: url }).DEMO_ACCOUNTS).toBe(true);
    }
    expect(parseServerConfig({ NODE_ENV: "development", DEMO_ACCOUNTS: "1" }).DEMO_ACCOUNTS).toBe(true);
    expect(production({}).DEMO_ACCOUNTS).toBe(false);
  });
});

describe("session limits", () => {
  it("default to 12 hours in all and 30 minutes idle", () => {
    const config = parseServerConfig({});
    expect([config.SESSION_MAX_AGE_MINUTES, config.SESSION_IDLE_MINUTES]).toEqual([720, 30]);
  });

  it("take whole minutes, and refuse an idle limit longer than the whole session", () => {
    const config = parseServerConfig({ SESSION_MAX_AGE_MINUTES: "480", SESSION_IDLE_MINUTES: "15" });
    expect([config.SESSION_MAX_AGE_MINUTES, config.SESSION_IDLE_MINUTES]).toEqual([480, 15]);
    expect(() => parseServerConfig({ SESSION_IDLE_MINUTES: "0" })).toThrow(
      /SESSION_IDLE_MINUTES must be at least 1/,
    );
    expect(() => parseServerConfig({ SESSION_MAX_AGE_MINUTES: "1.5" })).toThrow(/whole number of minutes/);
    expect(() => parseServerConfig({ SESSION_MAX_AGE_MINUTES: "20", SESSION_IDLE_MINUTES: "30" })).toThrow(
      /SESSION_IDLE_MINUTES \(30\) must not exceed SESSION_MAX_AGE_MINUTES \(20\)/,
    );
  });
});
