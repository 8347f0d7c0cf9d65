import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildXAuthenticate, formatCreated } from "./auth";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "./simulator";
import { fetchSalt, signedFetch, signedHeader } from "./test-support";

const DOC_HEADER =
  'RestApiUsernameToken Username="admin", Domain="default", Digest="+PJg7Tb3v98XnL6iJVv+v5hwhYjdzQ2tIWxvJB2cE40=", Nonce="bfb79078ff44c35714af28b7412a702b", Created="2016-04-29T15:48:26Z"';

const small = { callsPerDay: 10, days: 3, dailyVariation: false } as const;

function lastFailure(sim: RunningKalliopeSimulator) {
  return sim.authFailures[sim.authFailures.length - 1];
}

describe("the document's example header against a running simulator", () => {
  it("is accepted once when the PBX clock is near its Created, then refused as a replay", async () => {
    const sim = await startKalliopeSimulator({
      ...small,
      clockOffsetMs: Date.parse("2016-04-29T15:50:00Z") - Date.now(),
    });
    try {
      const first = await fetch(`${sim.baseUrl}/rest/cdr/summary/2016/04/29`, {
        headers: { "x-authenticate": DOC_HEADER, accept: "application/json" },
      });
      expect(first.status).toBe(200);
      expect(Array.isArray(await first.json())).toBe(true);
      const replay = await fetch(`${sim.baseUrl}/rest/cdr/summary/2016/04/29`, {
        headers: { "x-authenticate": DOC_HEADER, accept: "application/json" },
      });
      expect(replay.status).toBe(401);
      expect(await replay.json()).toEqual({ code: 401, message: "Authentication failed" });
      expect(lastFailure(sim)?.reason).toBe("replayed-nonce");
    } finally {
      await sim.close();
    }
  });

  it("is refused on today's clock (Created years away)", async () => {
    const sim = await startKalliopeSimulator(small);
    try {
      const response = await fetch(`${sim.baseUrl}/rest/cdr/summary`, {
        headers: { "x-authenticate": DOC_HEADER },
      });
      expect(response.status).toBe(401);
      expect(lastFailure(sim)?.reason).toBe("created-out-of-window");
    } finally {
      await sim.close();
    }
  });
});

describe("authentication", () => {
  let sim: RunningKalliopeSimulator;
  beforeAll(async () => {
    sim = await startKalliopeSimulator(small);
  });
  afterAll(async () => {
    await sim.close();
  });

  it("serves the salt anonymously, as JSON on request and XML by default", async () => {
    const json = await fetch(`${sim.baseUrl}/rest/salt/default`, { headers: { accept: "application/json" } });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json.json()).toEqual({ salt: "b5a8fdcf2f8d5acdad33c4a072a97d7a" });
    const xml = await fetch(`${sim.baseUrl}/rest/salt/sampledomain`);
    expect(xml.headers.get("content-type")).toMatch(/^application\/xml/);
    const sampleSalt = sim.tenants.find((tenant) => tenant.domain === "sampledomain")?.salt;
    expect(sampleSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(await xml.text()).toBe(`<?xml version="1.0"?>\n<response><salt>${sampleSalt}</salt></response>\n`);
  });

  it("answers 404 for an unknown tenant's salt and 405 for another method", async () => {
    const unknown = await fetch(`${sim.baseUrl}/rest/salt/nosuchtenant`, {
      headers: { accept: "application/json" },
    });
    expect(unknown.status).toBe(404);
    const post = await fetch(`${sim.baseUrl}/rest/salt/default`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
  });

  it("accepts a correctly signed request", async () => {
    const response = await signedFetch(sim, "/rest/dashboard/firmwareVersion");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("4.9.9");
  });

  it("refuses a request without X-authenticate", async () => {
    const response = await fetch(`${sim.baseUrl}/rest/cdr/summary`, {
      headers: { accept: "application/json" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 401, message: "Authentication failed" });
    expect(lastFailure(sim)?.reason).toBe("missing-header");
  });

  it("refuses a malformed header, in XML when no JSON was asked for", async () => {
    const header = (await signedHeader(sim)).replace(", Nonce", ",Nonce");
    const response = await fetch(`${sim.baseUrl}/rest/cdr/summary`, {
      headers: { "x-authenticate": header },
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(
      '<?xml version="1.0"?>\n<result><code>401</code><message>Authentication failed</message></result>\n',
    );
    expect(lastFailure(sim)?.reason).toBe("malformed-header");
  });

  it("refuses a nonce shorter than 8 hex characters", async () => {
    const response = await signedFetch(sim, "/rest/cdr/summary", { nonce: "abc1234" });
    expect(response.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("malformed-header");
  });

  it("refuses a wrong password", async () => {
    const response = await signedFetch(sim, "/rest/cdr/summary", { password: "not-the-password" });
    expect(response.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("bad-digest");
  });

  it("refuses an unknown user, an unknown tenant and a user without the API permission", async () => {
    const unknownUser = await signedFetch(sim, "/rest/cdr/summary", {
      user: { username: "nobody", password: "x", domain: "default" },
    });
    expect(unknownUser.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("unknown-user");

    const header = (await signedHeader(sim)).replace('Domain="default"', 'Domain="elsewhere"');
    const unknownTenant = await fetch(`${sim.baseUrl}/rest/cdr/summary`, {
      headers: { "x-authenticate": header },
    });
    expect(unknownTenant.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("unknown-tenant");

    const noApi = await signedFetch(sim, "/rest/cdr/summary", {
      user: { username: "phonebook", password: "phonebook", domain: "default" },
    });
    expect(noApi.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("no-api-permission");
  });

  it("keeps tenants apart: another tenant's salt gives a wrong digest", async () => {
    const otherSalt = await fetchSalt(sim, "sampledomain");
    const header = buildXAuthenticate({
      username: "admin",
      domain: "default",
      password: "admin",
      salt: otherSalt,
      created: formatCreated(sim.clock.now()),
    });
    const response = await fetch(`${sim.baseUrl}/rest/cdr/summary`, {
      headers: { "x-authenticate": header },
    });
    expect(response.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("bad-digest");
    const ownTenant = await signedFetch(sim, "/rest/dashboard/serialNumber", {
      user: { username: "admin", password: "admin", domain: "sampledomain" },
    });
    expect(ownTenant.status).toBe(200);
  });

  it("treats an empty Domain as the default tenant", async () => {
    const response = await signedFetch(sim, "/rest/dashboard/firmwareVersion", {
      user: { username: "admin", password: "admin", domain: "" },
    });
    expect(response.status).toBe(200);
  });

  it("refuses a reused nonce, even inside a freshly signed header", async () => {
    const nonce = "0123456789abcdef0123456789abcdef";
    const header = await signedHeader(sim, { nonce });
    const first = await fetch(`${sim.baseUrl}/rest/dashboard/firmwareVersion`, {
      headers: { "x-authenticate": header },
    });
    expect(first.status).toBe(200);
    const same = await fetch(`${sim.baseUrl}/rest/dashboard/firmwareVersion`, {
      headers: { "x-authenticate": header },
    });
    expect(same.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("replayed-nonce");
    const resigned = await signedFetch(sim, "/rest/dashboard/firmwareVersion", {
      nonce,
      created: formatCreated(sim.clock.now() - 2000),
    });
    expect(resigned.status).toBe(401);
    expect(lastFailure(sim)?.reason).toBe("replayed-nonce");
    expect(sim.rememberedNonces()).toBeGreaterThan(0);
  });

  it("lets a client retry a nonce whose first use failed", async () => {
    const nonce = "fedcba9876543210";
    const bad = await signedFetch(sim, "/rest/dashboard/firmwareVersion", { nonce, password: "wrong" });
    expect(bad.status).toBe(401);
    const good = await signedFetch(sim, "/rest/dashboard/firmwareVersion", { nonce });
    expect(good.status).toBe(200);
  });

  it("requires authentication before routing: unknown paths are 401 unsigned, 404 signed", async () => {
    const unsigned = await fetch(`${sim.baseUrl}/rest/nothing/here`);
    expect(unsigned.status).toBe(401);
    const signed = await signedFetch(sim, "/rest/nothing/here", { accept: "application/json" });
    expect(signed.status).toBe(404);
    expect(await signed.json()).toEqual({ code: 404, message: "Not Found" });
    const outside = await fetch(`${sim.baseUrl}/index.html`);
    expect(outside.status).toBe(404);
  });

  it("refuses an unknown method with 405 and Allow", async () => {
    const response = await signedFetch(sim, "/rest/cdr/summary", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });
});

describe("the Created window on the simulator clock", () => {
  let sim: RunningKalliopeSimulator;
  beforeAll(async () => {
    sim = await startKalliopeSimulator(small);
  });
  afterAll(async () => {
    await sim.close();
  });

  // The client signs with real time; the PBX clock is moved ahead or behind.
  for (const [minutes, expected] of [
    [4, 200],
    [-4, 200],
    [10, 401],
    [-10, 401],
  ] as const) {
    it(`${expected === 200 ? "accepts" : "refuses"} a Created ${Math.abs(minutes)} minutes ${minutes > 0 ? "behind" : "ahead of"} the PBX`, async () => {
      sim.clock.offsetMs = minutes * 60_000;
      try {
        const response = await signedFetch(sim, "/rest/dashboard/firmwareVersion", {
          created: formatCreated(Date.now()),
        });
        expect(response.status).toBe(expected);
        if (expected === 401) expect(lastFailure(sim)?.reason).toBe("created-out-of-window");
      } finally {
        sim.clock.offsetMs = 0;
      }
    });
  }

  it("sends the simulator clock's Date on every response, errors and faults included", async () => {
    sim.clock.offsetMs = 3 * 3600_000;
    try {
      const expected = Date.now() + 3 * 3600_000;
      for (const response of [
        await fetch(`${sim.baseUrl}/rest/salt/default`),
        await fetch(`${sim.baseUrl}/rest/cdr/summary`),
        await fetch(`${sim.baseUrl}/nowhere`),
      ]) {
        const date = Date.parse(response.headers.get("date") ?? "");
        expect(Math.abs(date - expected)).toBeLessThan(5000);
      }
      sim.faults.failRate = 1;
      const faulted = await fetch(`${sim.baseUrl}/rest/salt/default`);
      expect(faulted.status).toBe(500);
      expect(Math.abs(Date.parse(faulted.headers.get("date") ?? "") - expected)).toBeLessThan(5000);
    } finally {
      sim.faults.failRate = 0;
      sim.clock.offsetMs = 0;
    }
  });
});

describe("options", () => {
  it("makes the failure status and message configurable", async () => {
    const sim = await startKalliopeSimulator({
      ...small,
      authFailureStatus: 403,
      authFailureMessage: "Denied",
    });
    try {
      const response = await fetch(`${sim.baseUrl}/rest/cdr/summary`, {
        headers: { accept: "application/json" },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ code: 403, message: "Denied" });
    } finally {
      await sim.close();
    }
  });

  it("exposes both demo users and counts salt fetches as logins", async () => {
    const sim = await startKalliopeSimulator(small);
    try {
      expect(sim.kind).toBe("kalliope");
      expect(sim.credentials).toEqual({
        username: "privacyadmin",
        password: "privacyadmin",
        domain: "default",
      });
      expect(sim.unprivilegedCredentials).toEqual({
        username: "admin",
        password: "admin",
        domain: "default",
      });
      await fetchSalt(sim, "default");
      expect(sim.stats.logins).toBe(1);
      expect(sim.stats.requests).toBe(1);
    } finally {
      await sim.close();
    }
  });

  it("refuses nonsense options", async () => {
    await expect(startKalliopeSimulator({ today: "2024-02-30" })).rejects.toThrow(/today/);
    await expect(startKalliopeSimulator({ days: 0 })).rejects.toThrow(/days/);
    await expect(startKalliopeSimulator({ callsPerDay: -1 })).rejects.toThrow(/callsPerDay/);
  });
});
