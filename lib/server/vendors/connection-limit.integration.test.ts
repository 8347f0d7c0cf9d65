import { afterEach, describe, expect, it } from "vitest";
import { HttpClient } from "@/lib/server/http/client";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import { startKerioOperatorSimulator } from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { CONNECTION_OVERFLOWS, type ConnectionLimit } from "@/simulators/shared/connection-limit";
import { KalliopeClient, resetKalliopeCaches } from "./kalliope/client";
import { KayakoClient } from "./kayako/client";
import { lookupsFor } from "./kayako/lookups";
import { KayakoTickets } from "./kayako/tickets";
import { OperatorExtensions } from "./kerio/operator-extensions";
import { KerioRpcClient } from "./kerio/rpc";
import { clearKiwireTokens, KiwireClient } from "./kiwire/client";
import { KiwireHotspot } from "./kiwire/hotspot";

/**
 * Every vendor client, from a cold start (no session, token, salt or lookups yet), against an appliance that
 * serves two requests at once and queues, closes or answers 503 past that: no document gives an appliance's
 * limit, so a burst of reads must all come back under each, logins included. The console's default of 16
 * requests at once is far above the limit, so the client has to learn it (lib/server/http/concurrency.ts).
 */

const BURST = 24;
/** Each answer takes this long, so the burst's requests overlap at the appliance as a busy console's do. */
const faults = { latencyMs: 30 };
const LIMIT_OF_TWO = (overflow: ConnectionLimit["overflow"]): ConnectionLimit => ({ count: 2, overflow });
const PAST_THE_LIMIT = {
  queue: "queues",
  close: "closes",
  busy: "answers 503 to",
  "busy-retry-after": "answers 503 with Retry-After to",
} as const;

interface Vendor {
  name: string;
  /** Starts the simulator with the limit and returns one read of the vendor's client, and how to stop. */
  start(limit: ConnectionLimit): Promise<{ read: () => Promise<unknown>; stop: () => Promise<void> }>;
}

function httpFor(baseUrl: string, vendor: string): HttpClient {
  return new HttpClient({
    baseUrl,
    tls: { mode: "verify" },
    connectTimeoutMs: 2_000,
    readTimeoutMs: 5_000,
    vendor,
  });
}

/** The read, and a stop that closes the client's sockets before the simulator. */
function running(http: HttpClient, sim: { close(): Promise<void> }, read: () => Promise<unknown>) {
  return {
    read,
    stop: async () => {
      await http.close();
      await sim.close();
    },
  };
}

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

const VENDORS: Vendor[] = [
  {
    name: "Kerio Operator",
    async start(connectionLimit) {
      const sim = await startKerioOperatorSimulator({
        port: 0,
        extensions: 30,
        users: 10,
        connectionLimit,
        faults,
      });
      const http = httpFor(sim.baseUrl, "Kerio Operator");
      const rpc = new KerioRpcClient({
        http,
        credentials: sim.credentials,
        sessionKey: `limit-op-${stamp()}`,
      });
      const extensions = new OperatorExtensions(rpc);
      return running(http, sim, () => extensions.owners());
    },
  },
  {
    name: "Kiwire",
    async start(connectionLimit) {
      const sim = await startKiwireSimulator({ port: 0, users: 5, vouchers: 10, connectionLimit, faults });
      const http = httpFor(sim.baseUrl, "Kiwire");
      clearKiwireTokens();
      const { username, password, apiKey, cloudId } = sim.credentials;
      const client = new KiwireClient(
        http,
        { username, password, apiKey, cloudId, timeZone: "UTC", timeFormat: "YmdHis", signing: "md5" },
        `limit-kiwire-${stamp()}`,
      );
      const hotspot = new KiwireHotspot(client);
      return running(http, sim, () => hotspot.listProfiles());
    },
  },
  {
    name: "KalliopePBX",
    async start(connectionLimit) {
      const sim = await startKalliopeSimulator({
        port: 0,
        callsPerDay: 20,
        days: 3,
        dailyVariation: false,
        connectionLimit,
        faults,
      });
      const http = httpFor(sim.baseUrl, "KalliopePBX");
      resetKalliopeCaches();
      const client = new KalliopeClient({
        http,
        credentials: { username: "privacyadmin", password: "privacyadmin", domain: "default" },
        cacheKey: `limit-kalliope-${stamp()}`,
      });
      const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      return running(http, sim, () =>
        client.fetchWindow({ begin: `${day} 09:00:00`, end: `${day} 09:59:59` }),
      );
    },
  },
  {
    name: "Kayako",
    async start(connectionLimit) {
      const sim = await startKayakoSimulator({
        port: 0,
        tickets: 10,
        staff: 2,
        users: 5,
        organizations: 1,
        connectionLimit,
        faults,
      });
      const http = httpFor(sim.baseUrl, "Kayako");
      const client = new KayakoClient(http, sim.credentials);
      const lookupsKey = `limit-kayako-${stamp()}`;
      const tickets = new KayakoTickets(client, () => lookupsFor(client, lookupsKey));
      return running(http, sim, () => tickets.get("1"));
    },
  },
];

describe.each(VENDORS)("$name, against an appliance that serves two requests at once", (vendor) => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it.each(CONNECTION_OVERFLOWS.map((overflow) => [PAST_THE_LIMIT[overflow], overflow] as const))(
    "answers a cold burst of reads when the appliance %s the rest",
    async (_past, overflow) => {
      const started = await vendor.start(LIMIT_OF_TWO(overflow));
      stop = started.stop;
      const answers = await Promise.allSettled(Array.from({ length: BURST }, () => started.read()));
      expect(answers.filter((answer) => answer.status === "rejected")).toEqual([]);
    },
  );
});
