import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kayakoSignature } from "./signature";
import { PHP_NOTICE_JUNK, type RunningKayakoSimulator, startKayakoSimulator } from "./simulator";
import { authTriple, kayakoGet, kayakoRaw, kayakoSend, list, parseXml, tickets } from "./test-client";

/** Test vectors of notes §2 (secret, salt, base64 signature, URL-encoded signature). */
const VECTORS = [
  [
    "secretKey",
    "0123456789",
    "5v9CUnAGsvsBGwTqoYPQxGwn/u70GOKurN+2tvvSfNo=",
    "5v9CUnAGsvsBGwTqoYPQxGwn%2Fu70GOKurN%2B2tvvSfNo%3D",
  ],
  [
    "secretkey",
    "1234567890",
    "VKjt8M54liY6xq1UuhUYH5BFp1RUqHekqytgLPrVEA0=",
    "VKjt8M54liY6xq1UuhUYH5BFp1RUqHekqytgLPrVEA0%3D",
  ],
  [
    "secretkey",
    "itobgt701t5nat7oor9z4t813edc5t8d",
    "FzqWIZ171Zu+t4s4BfvTo7jtdOHyNzcbgbF2yiJ28ho=",
    "FzqWIZ171Zu%2Bt4s4BfvTo7jtdOHyNzcbgbF2yiJ28ho%3D",
  ],
] as const;

describe("signature rule", () => {
  it.each(VECTORS)("secret %s, salt %s gives the notes' signature", (secret, salt, signature, encoded) => {
    expect(kayakoSignature(secret, salt)).toBe(signature);
    expect(encodeURIComponent(kayakoSignature(secret, salt))).toBe(encoded);
  });

  it("is not base64 of the hex digest (the vendor example's mistake)", () => {
    const hexStyle = Buffer.from(
      createHmac("sha256", "secretkey").update("1234567890").digest("hex"),
    ).toString("base64");
    expect(hexStyle).toHaveLength(88);
    expect(kayakoSignature("secretkey", "1234567890")).toHaveLength(44);
    expect(hexStyle).not.toBe(kayakoSignature("secretkey", "1234567890"));
  });
});

describe("authentication against the simulator", () => {
  let sim: RunningKayakoSimulator;
  const key = "apikey-0001";
  const department = "e=%2FBase%2FDepartment";

  beforeAll(async () => {
    sim = await startKayakoSimulator({
      apiKey: key,
      secretKey: "secretKey",
      tickets: 50,
      users: 10,
      staff: 5,
    });
  });
  afterAll(() => sim.close());

  it("exposes base URL and credentials under the console's field names", () => {
    expect(sim.kind).toBe("kayako");
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/index\.php$/);
    expect(sim.credentials).toEqual({ apiKey: key, secretKey: "secretKey" });
  });

  it("accepts the notes' vector with + and / correctly URL-encoded", async () => {
    const [, salt, , encoded] = VECTORS[0];
    const res = await kayakoRaw(sim, `${department}&apikey=${key}&salt=${salt}&signature=${encoded}`);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("text/xml;charset=UTF-8");
    expect(list(parseXml(res.body).departments, "department").length).toBeGreaterThan(0);
  });

  it("refuses the same signature when it is URL-encoded twice (the vendor snippet's urlencode plus the client's)", async () => {
    const [, salt, , encoded] = VECTORS[0];
    const twice = encodeURIComponent(encoded);
    expect(twice).toContain("%252B");
    const res = await kayakoRaw(sim, `${department}&apikey=${key}&salt=${salt}&signature=${twice}`);
    expect(res).toMatchObject({
      status: 401,
      body: "FAILED TO AUTHENTICATE",
      contentType: "text/html; charset=UTF-8",
    });
  });

  it("refuses the vendor example's base64-of-hex signature", async () => {
    const salt = "1234567890";
    const hexStyle = Buffer.from(createHmac("sha256", "secretKey").update(salt).digest("hex")).toString(
      "base64",
    );
    const res = await kayakoRaw(
      sim,
      `${department}&apikey=${key}&salt=${salt}&signature=${encodeURIComponent(hexStyle)}`,
    );
    expect(res.status).toBe(401);
    expect(res.body).toBe("FAILED TO AUTHENTICATE");
  });

  it("repairs an unencoded + (decoded to a space) exactly as the server's str_replace does", async () => {
    const [, salt, signature] = VECTORS[0];
    const res = await kayakoRaw(sim, `${department}&apikey=${key}&salt=${salt}&signature=${signature}`);
    expect(res.status).toBe(200);
  });

  it("refuses a wrong secret", async () => {
    const salt = "42";
    const wrong = encodeURIComponent(kayakoSignature("not-the-secret", salt));
    const res = await kayakoRaw(sim, `${department}&apikey=${key}&salt=${salt}&signature=${wrong}`);
    expect(res).toMatchObject({ status: 401, body: "FAILED TO AUTHENTICATE" });
  });

  it("refuses a wrong API key even with a signature from the right secret", async () => {
    const salt = "42";
    const signature = encodeURIComponent(kayakoSignature("secretKey", salt));
    const res = await kayakoRaw(sim, `${department}&apikey=other-key&salt=${salt}&signature=${signature}`);
    expect(res).toMatchObject({ status: 401, body: "FAILED TO AUTHENTICATE" });
  });

  it('refuses a missing, empty or "0" salt before looking at the signature', async () => {
    for (const salt of [null, "", "0"]) {
      const saltPart = salt === null ? "" : `&salt=${salt}`;
      const res = await kayakoRaw(sim, `${department}&apikey=${key}${saltPart}&signature=abc`);
      expect(res).toMatchObject({
        status: 401,
        body: "NO SALT PROVIDED!",
        contentType: "text/html; charset=UTF-8",
      });
    }
  });

  it("allows a salt to be reused: Kayako has no nonce or timestamp", async () => {
    const salt = "777";
    const query = `${department}&apikey=${key}&salt=${salt}&signature=${encodeURIComponent(kayakoSignature("secretKey", salt))}`;
    expect((await kayakoRaw(sim, query)).status).toBe(200);
    expect((await kayakoRaw(sim, query)).status).toBe(200);
  });

  it("reads POST credentials from the form body, not from the query string", async () => {
    const auth = new URLSearchParams(authTriple(sim)).toString();
    const res = await kayakoRaw(sim, `e=/Base/UserSearch&${auth}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=a",
    });
    expect(res).toMatchObject({ status: 401, body: "NO SALT PROVIDED!" });
    const ok = await kayakoSend(sim, "POST", "/Base/UserSearch", { query: "a" });
    expect(ok.status).toBe(200);
  });

  it("authenticates a JSON body but hands the controller no form fields, as PHP does", async () => {
    const res = await kayakoRaw(sim, "e=/Tickets/TicketPost", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...authTriple(sim), ticketid: "1", contents: "hi", staffid: "1" }),
    });
    expect(res).toMatchObject({
      status: 400,
      body: "No Ticket ID Specified",
      contentType: "text/xml;charset=UTF-8",
    });
  });

  it("answers 403 with an empty body while the API is disabled", async () => {
    sim.settings.apiEnabled = false;
    try {
      const res = await kayakoGet(sim, "/Base/Department");
      expect(res).toMatchObject({ status: 403, body: "" });
    } finally {
      sim.settings.apiEnabled = true;
    }
    expect((await kayakoGet(sim, "/Base/Department")).status).toBe(200);
  });

  it("prepends junk before <?xml when asked, like PHP notices on a misconfigured helpdesk", async () => {
    sim.settings.junkBeforeXml = PHP_NOTICE_JUNK;
    try {
      const res = await kayakoGet(sim, "/Tickets/Ticket/ListAll/1,2,3/-1/-1/-1/2");
      expect(res.status).toBe(200);
      expect(res.body.startsWith(PHP_NOTICE_JUNK)).toBe(true);
      const xml = res.body.slice(res.body.indexOf("<?xml"));
      expect(tickets(xml).length).toBeGreaterThan(0);
      // Errors are plain text and stay untouched.
      expect((await kayakoGet(sim, "/Tickets/Ticket/999999")).body).toBe("Ticket not Found");
    } finally {
      sim.settings.junkBeforeXml = "";
    }
  });

  it("counts requests and refusals", async () => {
    const before = { ...sim.stats };
    await kayakoRaw(sim, `${department}&apikey=${key}&salt=1&signature=bad`);
    await kayakoGet(sim, "/Base/Department");
    expect(sim.stats.requests).toBe(before.requests + 2);
    expect(sim.stats.authFailures).toBe(before.authFailures + 1);
    expect(sim.stats.authenticated).toBe(before.authenticated + 1);
  });
});
