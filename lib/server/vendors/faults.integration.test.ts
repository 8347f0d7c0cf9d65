import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ListTicketsQuery } from "@/lib/api/kayako";
import { ListMailUsersQuery } from "@/lib/api/kerio-connect";
import { LoginHistoryQuery } from "@/lib/api/kiwire";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { HttpClient } from "@/lib/server/http/client";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import {
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { type Faults, NO_FAULTS } from "@/simulators/shared/faults";
import { type FaultProxy, type SeenRequest, startFaultProxy } from "@/testing/fault-proxy";
import { KalliopeClient, resetKalliopeCaches } from "./kalliope/client";
import { KayakoClient } from "./kayako/client";
import { type Lookups, lookupsFor } from "./kayako/lookups";
import { kayakoLoginRoundTrip } from "./kayako/session";
import { KayakoTickets } from "./kayako/tickets";
import { ConnectUsers } from "./kerio/connect-users";
import { ControlAddressGroups } from "./kerio/control-address-groups";
import { OperatorExtensions } from "./kerio/operator-extensions";
import { KerioRpcClient } from "./kerio/rpc";
import { clearKiwireTokens, KiwireClient } from "./kiwire/client";
import { KiwireHotspot } from "./kiwire/hotspot";

/**
 * Every vendor client against its simulator with faults switched on, through a proxy that counts what
 * reaches the appliance: reads are retried with growing backoff and then succeed or fail with a typed
 * VendorError that names the vendor; a write is sent once, whatever happens to its answer; and the same
 * client works again as soon as the faults are switched off (no restart, no stale state).
 */

const READ_TIMEOUT_MS = 400;
const RETRIES = 2;

function httpFor(baseUrl: string, vendor: string): HttpClient {
  return new HttpClient({
    baseUrl,
    tls: { mode: "verify" },
    connectTimeoutMs: 2_000,
    readTimeoutMs: READ_TIMEOUT_MS,
    retries: RETRIES,
    vendor,
  });
}

async function vendorFailure(run: () => Promise<unknown>): Promise<VendorError> {
  const outcome = await run().then(
    () => new Error("expected a VendorError, but the call succeeded"),
    (error: unknown) => error,
  );
  if (outcome instanceof VendorError) return outcome;
  throw outcome;
}

/** Gaps between consecutive arrivals, in ms. */
function gaps(requests: SeenRequest[]): number[] {
  return requests.slice(1).map((request, i) => request.at - (requests[i]?.at ?? request.at));
}

/** Backoff is 200 ms × 2^attempt with jitter in [½, 1]: the gaps must grow, whatever the jitter drew. */
function expectGrowingBackoff(requests: SeenRequest[]): void {
  const [first, second] = gaps(requests);
  expect(first).toBeGreaterThanOrEqual(90);
  expect(second).toBeGreaterThanOrEqual(190);
  expect(second ?? 0).toBeGreaterThanOrEqual((first ?? 0) - 5);
}

interface Harness {
  /** The product name transport errors carry ("Kerio Control at 127.0.0.1:…"). */
  vendor: string;
  /** How the vendor's own answer checks name it (the Kerio JSON-RPC core says "Kerio" for all three). */
  family: string;
  faults: Faults;
  proxy: FaultProxy;
  /** One read that is a single request once the session (or salt, or lookups) is warm. */
  read: () => Promise<unknown>;
  /** Matches the requests `read` sends. */
  isRead: (request: SeenRequest) => boolean;
}

/** The fault matrix every vendor goes through for its reads. */
function readFaults(name: string, harness: () => Harness) {
  describe(`${name}: reads under faults`, () => {
    afterEach(() => {
      Object.assign(harness().faults, NO_FAULTS);
      harness().proxy.reset();
    });

    it("retries after HTTP 500s with growing backoff and then answers", async () => {
      const { proxy, read, isRead } = harness();
      await read();
      proxy.reset();
      proxy.failNext(2, isRead);
      await expect(read()).resolves.toBeDefined();
      const reads = proxy.requests.filter(isRead);
      expect(reads).toHaveLength(3);
      expectGrowingBackoff(reads);
    });

    it("gives up after the retries with a typed error naming the vendor, and recovers when the 500s stop", async () => {
      const { family, faults, proxy, read, isRead } = harness();
      await read();
      proxy.reset();
      faults.failRate = 1;
      const error = await vendorFailure(read);
      expect(error.outcome).toBe("unexpected_response");
      expect(error.message).toContain(family);
      expect(error.message).toContain("500");
      expect(proxy.requests.filter(isRead)).toHaveLength(1 + RETRIES);
      faults.failRate = 0;
      await expect(read()).resolves.toBeDefined();
    });

    it("retries dropped connections, then says the appliance closed the connection; recovers after", async () => {
      const { vendor, faults, proxy, read, isRead } = harness();
      await read();
      proxy.reset();
      faults.dropRate = 1;
      const error = await vendorFailure(read);
      expect(error.outcome).toBe("unreachable");
      expect(error.message).toMatch(new RegExp(`^${vendor} at 127\\.0\\.0\\.1:\\d+ closed the connection`));
      const reads = proxy.requests.filter(isRead);
      expect(reads).toHaveLength(1 + RETRIES);
      expectGrowingBackoff(reads);
      faults.dropRate = 0;
      await expect(read()).resolves.toBeDefined();
    });

    it("reports a malformed body as an unexpected answer from the vendor, and recovers after", async () => {
      const { family, faults, read } = harness();
      await read();
      faults.malformedRate = 1;
      const error = await vendorFailure(read);
      expect(error.outcome).toBe("unexpected_response");
      expect(error.message).toContain(family);
      faults.malformedRate = 0;
      await expect(read()).resolves.toBeDefined();
    });

    it("waits the read timeout once (no retry that would triple the wait) and says so; recovers after", async () => {
      const { vendor, faults, proxy, read, isRead } = harness();
      await read();
      proxy.reset();
      faults.latencyMs = READ_TIMEOUT_MS * 3;
      const started = performance.now();
      const error = await vendorFailure(read);
      const waited = performance.now() - started;
      expect(error.outcome).toBe("timeout");
      expect(error.status).toBe(504);
      expect(error.message).toMatch(
        new RegExp(
          `^${vendor} at 127\\.0\\.0\\.1:\\d+ .*did not answer within the read timeout \\(0\\.4 s\\)`,
        ),
      );
      expect(waited).toBeGreaterThanOrEqual(READ_TIMEOUT_MS - 20);
      // Three attempts cannot finish in less than three read timeouts; one may take longer than one on a busy
      // machine. The request count below is the exact proof.
      expect(waited).toBeLessThan(READ_TIMEOUT_MS * 3);
      expect(proxy.requests.filter(isRead)).toHaveLength(1);
      // Let the abandoned request finish on the simulator, so closing it later aborts nothing.
      await sleep(faults.latencyMs - waited + 50);
      faults.latencyMs = 0;
      await expect(read()).resolves.toBeDefined();
    });
  });
}

const rpcMethod = (method: string) => (request: SeenRequest) => request.body.includes(`"method":"${method}"`);

describe("Kerio Operator", () => {
  let sim: Awaited<ReturnType<typeof startKerioOperatorSimulator>>;
  let proxy: FaultProxy;
  let http: HttpClient;
  let extensions: OperatorExtensions;

  beforeAll(async () => {
    sim = await startKerioOperatorSimulator({ port: 0, extensions: 30, users: 10 });
    proxy = await startFaultProxy(sim.baseUrl);
    http = httpFor(proxy.baseUrl, "Kerio Operator");
    const rpc = new KerioRpcClient({
      http,
      credentials: sim.credentials,
      sessionKey: `faults-op-${Date.now()}`,
    });
    extensions = new OperatorExtensions(rpc);
  });
  afterAll(async () => {
    await http?.close();
    await proxy?.close();
    await sim?.close();
  });

  readFaults("Kerio Operator", () => ({
    vendor: "Kerio Operator",
    family: "Kerio",
    faults: sim.faults,
    proxy,
    read: () => extensions.owners(),
    isRead: rpcMethod("Users.get"),
  }));

  it("says the PBX failed, not that the address is wrong, when the login itself gets a 500", async () => {
    const fresh = new OperatorExtensions(
      new KerioRpcClient({ http, credentials: sim.credentials, sessionKey: `faults-op-login-${Date.now()}` }),
    );
    sim.faults.failRate = 1;
    const error = await vendorFailure(() => fresh.owners()).finally(() => {
      sim.faults.failRate = 0;
    });
    expect(error.message).toContain("answered HTTP 500 to Session.login: the appliance failed on its side");
    await expect(fresh.owners()).resolves.toBeDefined();
  });

  describe("writes", () => {
    afterEach(() => {
      Object.assign(sim.faults, NO_FAULTS);
      proxy.reset();
    });
    const withNumber = (number: string) =>
      [...sim.store.extensions.values()].filter((extension) => extension.telNum === number);

    it("creates exactly one extension when the answer to the create is lost after the PBX made it", async () => {
      await extensions.owners();
      proxy.reset();
      proxy.loseNextAnswer(rpcMethod("Extensions.create"));
      // The lost answer is checked with a read (number and the generated SIP password): the create happened.
      const created = await extensions.create({ number: "7701", description: "lost answer" });
      expect(created.extension.number).toBe("7701");
      expect(proxy.requests.filter(rpcMethod("Extensions.create"))).toHaveLength(1);
      expect(withNumber("7701")).toHaveLength(1);
    });

    it("sends a create once when every answer is a 500, and creates it after recovery", async () => {
      await extensions.owners();
      proxy.reset();
      sim.faults.failRate = 1;
      const error = await vendorFailure(() => extensions.create({ number: "7702" }));
      expect(error.message).toContain("Kerio");
      expect(proxy.requests.filter(rpcMethod("Extensions.create"))).toHaveLength(1);
      expect(withNumber("7702")).toHaveLength(0);
      sim.faults.failRate = 0;
      await extensions.create({ number: "7702" });
      expect(withNumber("7702")).toHaveLength(1);
    });
  });
});

describe("Kerio Connect", () => {
  let sim: Awaited<ReturnType<typeof startKerioConnectSimulator>>;
  let proxy: FaultProxy;
  let http: HttpClient;
  let users: ConnectUsers;

  beforeAll(async () => {
    sim = await startKerioConnectSimulator({ port: 0, domains: 1, usersPerDomain: 10 });
    proxy = await startFaultProxy(sim.baseUrl);
    http = httpFor(proxy.baseUrl, "Kerio Connect");
    const rpc = new KerioRpcClient({
      http,
      credentials: sim.credentials,
      sessionKey: `faults-co-${Date.now()}`,
    });
    users = new ConnectUsers(rpc);
  });
  afterAll(async () => {
    await http?.close();
    await proxy?.close();
    await sim?.close();
  });

  readFaults("Kerio Connect", () => ({
    vendor: "Kerio Connect",
    family: "Kerio",
    faults: sim.faults,
    proxy,
    read: () => users.domains(),
    isRead: rpcMethod("Domains.get"),
  }));

  it("creates exactly one mail user when the answer to the create is lost", async () => {
    const [domain] = await users.domains();
    proxy.reset();
    proxy.loseNextAnswer(rpcMethod("Users.create"));
    const input = { domainId: domain?.id ?? "", loginName: "lost.answer", password: "Secret-123456" };
    const created = await users.create(input);
    expect(created.loginName).toBe("lost.answer");
    expect(proxy.requests.filter(rpcMethod("Users.create"))).toHaveLength(1);
    const page = await users.list(ListMailUsersQuery.parse({ domainId: input.domainId, q: "lost.answer" }));
    expect(page.items.filter((user) => user.loginName === "lost.answer")).toHaveLength(1);
  });
});

describe("Kerio Control", () => {
  let sim: Awaited<ReturnType<typeof startKerioControlSimulator>>;
  let proxy: FaultProxy;
  let http: HttpClient;
  let rpc: KerioRpcClient;
  let groups: ControlAddressGroups;

  beforeAll(async () => {
    sim = await startKerioControlSimulator({ port: 0, ipAddressEntries: 10 });
    proxy = await startFaultProxy(sim.baseUrl);
    http = httpFor(proxy.baseUrl, "Kerio Control");
    rpc = new KerioRpcClient({ http, credentials: sim.credentials, sessionKey: `faults-ctl-${Date.now()}` });
    groups = new ControlAddressGroups(rpc);
  });
  afterAll(async () => {
    await http?.close();
    await proxy?.close();
    await sim?.close();
  });

  readFaults("Kerio Control", () => ({
    vendor: "Kerio Control",
    family: "Kerio",
    faults: sim.faults,
    proxy,
    read: () => groups.timeRanges(),
    isRead: rpcMethod("TimeRanges.get"),
  }));

  it("never sends an address-group change twice when its answer is lost, and leaves no half change", async () => {
    await groups.list();
    proxy.reset();
    proxy.loseNextAnswer(rpcMethod("IpAddressGroups.create"));
    const host = "192.0.2.77";
    const failure = await groups.create({ groupName: "Fault test", type: "Host", host }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toContain("closed the connection before answering");
    expect(proxy.requests.filter(rpcMethod("IpAddressGroups.create"))).toHaveLength(1);
    expect(sim.store.committed.filter((entry) => entry.host === host)).toHaveLength(0);
    // Recovery: the same change goes through on the next try, once.
    await groups.create({ groupName: "Fault test", type: "Host", host });
    expect(sim.store.committed.filter((entry) => entry.host === host)).toHaveLength(1);
  });

  it("logs in once again when the firewall ends every session, for concurrent readers too", async () => {
    await groups.timeRanges();
    const logins = sim.stats.logins;
    expect(sim.expireAllSessions()).toBeGreaterThan(0);
    await Promise.all(Array.from({ length: 5 }, () => groups.timeRanges()));
    expect(sim.stats.logins).toBe(logins + 1);
  });
});

describe("Kiwire", () => {
  let sim: Awaited<ReturnType<typeof startKiwireSimulator>>;
  let proxy: FaultProxy;
  let http: HttpClient;
  let hotspot: KiwireHotspot;

  beforeAll(async () => {
    sim = await startKiwireSimulator({ port: 0, users: 5, vouchers: 10 });
    proxy = await startFaultProxy(sim.baseUrl);
    http = httpFor(proxy.baseUrl, "Kiwire");
    clearKiwireTokens();
    const { username, password, apiKey, cloudId } = sim.credentials;
    const client = new KiwireClient(
      http,
      { username, password, apiKey, cloudId, timeZone: "UTC", timeFormat: "YmdHis", signing: "md5" },
      `faults-kiwire-${Date.now()}`,
    );
    hotspot = new KiwireHotspot(client);
  });
  afterAll(async () => {
    await http?.close();
    await proxy?.close();
    await sim?.close();
  });

  // A Kiwire list read ends only on an empty page (a short page proves nothing when the appliance caps
  // `limit`), so the read whose retries are counted is its first page.
  const firstPageOf = (path: string) => (request: SeenRequest) =>
    request.url.startsWith(path) && new URLSearchParams(request.body).get("start") === "0";
  const isProfileGet = firstPageOf("/apiv2/profile/get");
  const isVoucherCreate = (request: SeenRequest) => request.url.startsWith("/apiv2/voucher/create");
  const vouchersWith = (prefix: string) =>
    [...sim.store.vouchers.values()].filter((voucher) => voucher.username.startsWith(prefix));

  readFaults("Kiwire", () => ({
    vendor: "Kiwire",
    family: "Kiwire",
    faults: sim.faults,
    proxy,
    read: () => hotspot.listProfiles(),
    isRead: isProfileGet,
  }));

  it("retries the login history like any read (it is a POST that changes nothing)", async () => {
    await hotspot.listProfiles();
    proxy.reset();
    const isHistory = firstPageOf("/apiv2/login/history");
    proxy.failNext(2, isHistory);
    await expect(hotspot.loginHistory(LoginHistoryQuery.parse({}))).resolves.toHaveProperty("items");
    expect(proxy.requests.filter(isHistory)).toHaveLength(3);
  });

  it("generates one batch, not two, when the answer is lost; the error says the batch may exist", async () => {
    const [profile] = await hotspot.listProfiles();
    proxy.reset();
    proxy.loseNextAnswer(isVoucherCreate);
    const input = { prefix: "LOST", quantity: 5, profile: profile?.name ?? "", zone: "", remark: "" };
    const error = await vendorFailure(() => hotspot.createVouchers(input));
    expect(error.message).toMatch(/^Kiwire at .* closed the connection before answering/);
    expect(error.message).toContain("may have been made");
    expect(proxy.requests.filter(isVoucherCreate)).toHaveLength(1);
    expect(vouchersWith("LOST")).toHaveLength(5);
    // Recovery without a restart.
    await expect(hotspot.listProfiles()).resolves.not.toHaveLength(0);
  });

  it("sends a voucher batch once when the connection drops before Kiwire made it", async () => {
    const [profile] = await hotspot.listProfiles();
    proxy.reset();
    sim.faults.dropRate = 1;
    const input = { prefix: "DROP", quantity: 3, profile: profile?.name ?? "", zone: "", remark: "" };
    await vendorFailure(() => hotspot.createVouchers(input));
    sim.faults.dropRate = 0;
    expect(proxy.requests.filter(isVoucherCreate)).toHaveLength(1);
    expect(vouchersWith("DROP")).toHaveLength(0);
  });

  it("says Kiwire failed, not that the address is wrong, when the login itself gets a 500", async () => {
    clearKiwireTokens();
    sim.faults.failRate = 1;
    const error = await vendorFailure(() => hotspot.listProfiles()).finally(() => {
      sim.faults.failRate = 0;
    });
    expect(error.message).toBe(
      "Kiwire answered HTTP 500 at /admin/agent/api_login.php: the appliance failed on its side (it may be restarting); try again shortly.",
    );
    await expect(hotspot.listProfiles()).resolves.toBeDefined();
  });

  it("logs in once again when Kiwire expires every token early, for concurrent readers too", async () => {
    await hotspot.listProfiles();
    const logins = sim.stats.logins;
    sim.expireAllTokens();
    await Promise.all(Array.from({ length: 5 }, () => hotspot.listProfiles()));
    expect(sim.stats.logins).toBe(logins + 1);
  });
});

describe("KalliopePBX", () => {
  let sim: Awaited<ReturnType<typeof startKalliopeSimulator>>;
  let proxy: FaultProxy;
  let http: HttpClient;
  let client: KalliopeClient;
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    sim = await startKalliopeSimulator({ port: 0, callsPerDay: 20, days: 3, dailyVariation: false });
    proxy = await startFaultProxy(sim.baseUrl);
    http = httpFor(proxy.baseUrl, "KalliopePBX");
    resetKalliopeCaches();
    client = new KalliopeClient({
      http,
      credentials: { username: "privacyadmin", password: "privacyadmin", domain: "default" },
      cacheKey: `faults-kalliope-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await http?.close();
    await proxy?.close();
    await sim?.close();
  });

  readFaults("KalliopePBX", () => ({
    vendor: "KalliopePBX",
    family: "KalliopePBX",
    faults: sim.faults,
    proxy,
    read: () => client.fetchWindow({ begin: `${day} 09:00:00`, end: `${day} 09:59:59` }),
    isRead: (request) => request.url === "/rest/cdr/detailed",
  }));

  it("signs every retry with a fresh nonce, so the PBX accepts the retried read", async () => {
    await client.fetchDay(day);
    proxy.reset();
    proxy.failNext(2);
    const failures = sim.authFailures.length;
    await expect(client.fetchDay(day)).resolves.not.toHaveLength(0);
    expect(sim.authFailures.length).toBe(failures);
    expect(proxy.requests).toHaveLength(3);
  });
});

describe("Kayako", () => {
  let sim: Awaited<ReturnType<typeof startKayakoSimulator>>;
  let proxy: FaultProxy;
  let http: HttpClient;
  let tickets: KayakoTickets;
  let lookups: Lookups;

  beforeAll(async () => {
    sim = await startKayakoSimulator({ port: 0, tickets: 10, staff: 2, users: 5, organizations: 1 });
    proxy = await startFaultProxy(sim.baseUrl);
    http = httpFor(proxy.baseUrl, "Kayako");
    const client = new KayakoClient(http, sim.credentials);
    lookups = await lookupsFor(client, `faults-kayako-${Date.now()}`);
    tickets = new KayakoTickets(client, async () => lookups);
  });
  afterAll(async () => {
    await http?.close();
    await proxy?.close();
    await sim?.close();
  });

  const isTicketGet = (request: SeenRequest) => request.url.includes("e=%2FTickets%2FTicket%2F1&");
  const isReply = (request: SeenRequest) => request.method === "POST" && request.url.includes("TicketPost");

  readFaults("Kayako", () => ({
    vendor: "Kayako",
    family: "Kayako",
    faults: sim.faults,
    proxy,
    read: () => tickets.get("1"),
    isRead: isTicketGet,
  }));

  it("a connection test during a 500 says the helpdesk failed, not that the URL is wrong", async () => {
    sim.faults.failRate = 1;
    const error = await vendorFailure(() => kayakoLoginRoundTrip(http, sim.credentials)).finally(() => {
      sim.faults.failRate = 0;
    });
    expect(error.message).toBe(
      "Kayako answered HTTP 500: the helpdesk failed on its side (it may be restarting); try again shortly.",
    );
    await expect(kayakoLoginRoundTrip(http, sim.credentials)).resolves.toContain("Signed request accepted");
  });

  it("a ticket count that keeps failing costs the list its total, not the list", async () => {
    proxy.reset();
    proxy.failNext(RETRIES + 1, (request) => request.url.includes("GetTicketCount"));
    const page = await tickets.list(ListTicketsQuery.parse({ status: "all", pageSize: "3" }));
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeNull();
    expect(page.hasMore).toBe(true);
    // A failure is not an absent route: the next list counts again.
    const again = await tickets.list(ListTicketsQuery.parse({ status: "all", pageSize: "3" }));
    expect(again.total).toBe([...sim.store.ticketIds()].length);
  });

  it("posts a reply once when the answer is lost after Kayako saved it, and reports the saved post", async () => {
    const before = (await tickets.get("2")).posts.length;
    proxy.reset();
    proxy.loseNextAnswer(isReply);
    const staffId = lookups.staff[0]?.id ?? 1;
    const reply = await tickets.reply("2", staffId, { contents: "Lost answer", isPrivate: false });
    expect(proxy.requests.filter(isReply)).toHaveLength(1);
    const after = (await tickets.get("2")).posts;
    expect(after).toHaveLength(before + 1);
    expect(after.filter((post) => post.contents === "Lost answer")).toEqual([reply]);
  });

  it("says a reply may exist when its answer is lost and the ticket cannot be read back", async () => {
    proxy.reset();
    proxy.loseNextAnswer(isReply);
    // The read-back and its retries all meet an HTTP 500.
    proxy.failNext(RETRIES + 1, (request) => request.method === "GET");
    const error = await vendorFailure(() =>
      tickets.reply("3", lookups.staff[0]?.id ?? 1, { contents: "Lost twice", isPrivate: false }),
    );
    expect(error.message).toMatch(/^Kayako at .* closed the connection before answering/);
    expect(error.message).toContain("reload and check");
    expect(proxy.requests.filter(isReply)).toHaveLength(1);
    expect(sim.store.posts(3).filter((post) => post.contents === "Lost twice")).toHaveLength(1);
  });
});
