import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpClient } from "@/lib/server/http/client";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { clearKiwireTokens, KiwireClient, TOKEN_RENEW_AFTER_MS } from "./client";

let simulator: RunningKiwireSimulator;
let http: HttpClient;

beforeAll(async () => {
  simulator = await startKiwireSimulator({ port: 0, users: 5, vouchers: 20 });
  http = new HttpClient({
    baseUrl: simulator.baseUrl,
    tls: { mode: "verify" },
    connectTimeoutMs: 5000,
    readTimeoutMs: 10_000,
  });
}, 30_000);
afterAll(async () => {
  await http?.close();
  await simulator?.close();
});
beforeEach(() => {
  clearKiwireTokens();
  simulator.clock.offsetMs = 0;
});

function clientAt(clock: { ms: number }) {
  const { username, password, apiKey, cloudId } = simulator.credentials;
  return new KiwireClient(
    http,
    { username, password, apiKey, cloudId, timeZone: "UTC", timeFormat: "YmdHis", signing: "md5" },
    "kiwire-unit",
    () => Date.now() + clock.ms,
  );
}

describe("Kiwire token cache", () => {
  it("reuses the token until shortly before 20 minutes, then logs in again before the appliance refuses", async () => {
    const clock = { ms: 0 };
    const client = clientAt(clock);
    const logins = simulator.stats.logins;
    await client.call("profile", "get");
    // Both clocks move together: the appliance would still accept the token at 14 minutes.
    clock.ms = simulator.clock.offsetMs = TOKEN_RENEW_AFTER_MS - 60_000;
    await client.call("profile", "get");
    expect(simulator.stats.logins).toBe(logins + 1);
    clock.ms = simulator.clock.offsetMs = TOKEN_RENEW_AFTER_MS + 60_000;
    const refusedBefore = simulator.stats.refused;
    await client.call("profile", "get");
    expect(simulator.stats.logins).toBe(logins + 2);
    // Renewed ahead of time: no refused call on the way.
    expect(simulator.stats.refused).toBe(refusedBefore);
  });

  it("single-flights the login of concurrent first calls", async () => {
    const client = clientAt({ ms: 0 });
    const logins = simulator.stats.logins;
    await Promise.all(Array.from({ length: 8 }, () => client.call("nas", "get")));
    expect(simulator.stats.logins).toBe(logins + 1);
  });
});
