import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCHANGE_BODY_BYTES } from "@/lib/connection-exchanges-limits";
import type { HttpExchange } from "@/lib/server/http/client";
import { MIN_SECRET_LENGTH, REDACTED, redactExchange, spellingsOf } from "./redact-exchange";

function exchange(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    startedAt: Date.UTC(2026, 11, 3, 12, 0, 0),
    durationMs: 12,
    method: "POST",
    path: "/api/jsonrpc/",
    requestHeaders: { "content-type": "application/json" },
    requestBody: undefined,
    response: { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from("{}") },
    failure: null,
    ...overrides,
  };
}

const serialized = (raw: HttpExchange, secrets: string[] = []) =>
  JSON.stringify(redactExchange(raw, secrets).exchange);

describe("redaction by name", () => {
  it("blanks secret headers in both directions and learns the cookie values and tokens they carried", () => {
    const { exchange: redacted, found } = redactExchange(
      exchange({
        requestHeaders: {
          "content-type": "application/json",
          "X-Token": "tok-123456",
          Cookie: "SESSION_CONTROL_WEBADMIN=cookie-abcdef; lang=en",
          "x-authenticate": 'RestApiUsernameToken Username="api", Digest="ZGlnZXN0LWRpZ2VzdA=="',
          Authorization: "Basic dXNlcjpwYXNz",
          accept: "application/json",
        },
        response: {
          status: 200,
          headers: {
            "set-cookie": [
              "SESSION_CONTROL_WEBADMIN=cookie-fresh; path=/; HttpOnly",
              "TOKEN_X=other-value; Secure",
            ],
            date: "Thu, 03 Dec 2026 12:00:00 GMT",
          },
          body: Buffer.from("{}"),
        },
      }),
      [],
    );
    expect(redacted.request.headers).toEqual({
      "content-type": "application/json",
      "x-token": REDACTED,
      cookie: REDACTED,
      "x-authenticate": REDACTED,
      authorization: REDACTED,
      accept: "application/json",
    });
    expect(redacted.response?.headers).toEqual({
      "set-cookie": REDACTED,
      date: "Thu, 03 Dec 2026 12:00:00 GMT",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        "tok-123456",
        "cookie-abcdef",
        "cookie-fresh",
        "other-value",
        "ZGlnZXN0LWRpZ2VzdA==",
      ]),
    );
  });

  it("blanks secret query parameters and form fields, keeps the rest as sent", () => {
    const redacted = redactExchange(
      exchange({
        method: "GET",
        path: "/api/index.php?e=%2FTickets%2FTicket&apikey=key-1234&salt=1234567890&signature=c2lnbmF0dXJl%3D",
        requestHeaders: {},
      }),
      [],
    ).exchange;
    expect(redacted.path).toBe(
      `/api/index.php?e=%2FTickets%2FTicket&apikey=${REDACTED}&salt=${REDACTED}&signature=${REDACTED}`,
    );
    const form = redactExchange(
      exchange({
        path: "/apiv2/voucher/get",
        requestHeaders: { "content-type": "application/x-www-form-urlencoded" },
        requestBody:
          "limit=10&code=ABC123&token=t0k3n-value&time=20261203120000&api_key=abcdef0123&cloud_id=tenant",
      }),
      [],
    ).exchange;
    // `code` is a voucher code here, not a login code: it stays.
    expect(form.request.body?.text).toBe(
      `limit=10&code=ABC123&token=${REDACTED}&time=20261203120000&api_key=${REDACTED}&cloud_id=tenant`,
    );
  });

  it("treats `code` as a secret on a login path only", () => {
    const login = redactExchange(
      exchange({
        path: "/admin/agent/api_login.php",
        requestHeaders: { "content-type": "application/x-www-form-urlencoded" },
        requestBody: "code=5f4dcc3b5aa765d61d8327deb882cf99&cloud_id=tenant",
      }),
      [],
    );
    expect(login.exchange.request.body?.text).toBe(`code=${REDACTED}&cloud_id=tenant`);
    expect(login.found).toContain("5f4dcc3b5aa765d61d8327deb882cf99");
  });

  it("blanks JSON members at any depth, nested objects under a secret name included", () => {
    const body = JSON.stringify({
      jsonrpc: "2.0",
      method: "Session.login",
      params: { userName: "admin", password: "pa55-word", application: { name: "console" } },
      token: { value: "nested-token-value", expires: 1200 },
      apiKey: "camel-key-value",
    });
    const { exchange: redacted, found } = redactExchange(exchange({ requestBody: body }), []);
    const text = redacted.request.body?.text ?? "";
    expect(JSON.parse(text)).toEqual({
      jsonrpc: "2.0",
      method: "Session.login",
      params: { userName: "admin", password: REDACTED, application: { name: "console" } },
      token: { value: REDACTED, expires: 1200 },
      apiKey: REDACTED,
    });
    expect(found).toEqual(expect.arrayContaining(["pa55-word", "nested-token-value", "camel-key-value"]));
  });

  it("blanks XML elements (CDATA included) and attributes", () => {
    const xml =
      '<?xml version="1.0"?><result><salt>b5a8fdcf2f8d</salt><secretkey><![CDATA[x-y-z-secret]]></secretkey>' +
      '<user name="ann" password="hunter22"/><title>Printer</title></result>';
    const redacted = redactExchange(
      exchange({
        response: { status: 200, headers: { "content-type": "text/xml" }, body: Buffer.from(xml) },
      }),
      [],
    ).exchange;
    expect(redacted.response?.body.text).toBe(
      `<?xml version="1.0"?><result><salt>${REDACTED}</salt><secretkey>${REDACTED}</secretkey>` +
        `<user name="ann" password="${REDACTED}"/><title>Printer</title></result>`,
    );
  });
});

describe("redaction by value", () => {
  it("finds a known secret anywhere: path, plain headers, bodies, in every encoding the wire uses", () => {
    const secret = "Pa ss/wörd+1=";
    const raw = exchange({
      path: `/rest/thing/${encodeURIComponent(secret)}?q=${new URLSearchParams({ s: secret }).toString().slice(2)}`,
      requestHeaders: { "content-type": "text/plain", "x-echo": Buffer.from(secret).toString("base64") },
      requestBody: `raw ${secret} json ${JSON.stringify(secret)} xml ${secret.replace(/&/g, "&amp;")}`,
      response: {
        status: 200,
        headers: { location: `/x?v=${encodeURIComponent(secret).toLowerCase()}` },
        body: Buffer.from(
          `basic ${Buffer.from(`user:${secret}`).toString("base64")} url ${Buffer.from(secret).toString("base64url")}`,
        ),
      },
    });
    const text = serialized(raw, [secret]);
    for (const form of spellingsOf(secret)) expect(text).not.toContain(form);
    expect(text).toContain("/rest/thing/[redacted]");
  });

  it("finds the session token of an earlier exchange in a field whose name says nothing", () => {
    const raw = exchange({ requestBody: JSON.stringify({ params: { handle: "learned-session-token" } }) });
    expect(serialized(raw, [])).toContain("learned-session-token");
    expect(serialized(raw, ["learned-session-token"])).not.toContain("learned-session-token");
  });

  it("finds a value removed by name wherever else the same exchange repeats it", () => {
    const raw = exchange({
      requestHeaders: { "x-token": "echoed-token-42" },
      response: {
        status: 200,
        headers: {},
        body: Buffer.from(JSON.stringify({ result: { message: "welcome echoed-token-42" } })),
      },
    });
    expect(serialized(raw)).not.toContain("echoed-token-42");
  });

  it("leaves values shorter than the minimum alone (a 2-character secret would blank everything)", () => {
    expect(serialized(exchange({ requestBody: "ok fine" }), ["ok"])).toContain("ok fine");
  });

  it("never leaves any spelling of any secret (property)", () => {
    const secretArb = fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40, unit: "grapheme" });
    fc.assert(
      fc.property(
        secretArb,
        fc.string({ maxLength: 200 }),
        fc.string({ maxLength: 200 }),
        fc.constantFrom("application/json", "text/xml", "application/x-www-form-urlencoded", "text/plain"),
        (secret, before, after, contentType) => {
          const body = (form: string) => `${before}${form}${after}`;
          const spellings = spellingsOf(secret);
          for (const form of spellings) {
            const raw = exchange({
              path: `/p/${form}?x=${form}`,
              requestHeaders: { "content-type": contentType, "x-plain": form },
              requestBody: body(form),
              response: {
                status: 200,
                headers: { "content-type": contentType },
                body: Buffer.from(body(form)),
              },
            });
            const text = redactExchange(raw, [secret]).exchange;
            const all = [
              text.path,
              ...Object.values(text.request.headers),
              text.request.body?.text,
              text.response?.body.text,
            ].join("\n");
            expect(all).not.toContain(secret);
            expect(all).not.toContain(form);
          }
        },
      ),
      { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 14) },
    );
  });
  it("replaces as one left-to-right scan would: the leftmost secret first, the longest where several start there", () => {
    // The oracle is the alternation of every spelling, longest first, as a regular expression replaces it.
    // The secrets are stretches of one string, so they overlap and some begin where another does.
    const letters = fc.constantFrom("a", "b", "c");
    const piece = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom("a", "b", "c", "-") });
    fc.assert(
      fc.property(
        fc.string({ minLength: 12, maxLength: 16, unit: letters }),
        fc.array(fc.tuple(fc.nat(8), fc.integer({ min: MIN_SECRET_LENGTH, max: 8 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.oneof(piece, fc.nat(3)), { maxLength: 20 }),
        (base, stretches, parts) => {
          const secrets = stretches.map(([start, length]) => base.slice(start, start + length));
          const body = parts
            .map((part) => (typeof part === "number" ? secrets[part % secrets.length] : part))
            .join("");
          fc.pre(body.length > 0);
          const spellings = [...new Set(secrets.flatMap(spellingsOf))].sort((a, b) => b.length - a.length);
          const escaped = spellings.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
          const expected = body.replace(new RegExp(escaped.join("|"), "g"), REDACTED);
          const kept = redactExchange(
            exchange({ requestHeaders: { "content-type": "text/plain" }, requestBody: body }),
            secrets,
          ).exchange.request.body;
          expect(kept?.text).toBe(expected);
        },
      ),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 14) },
    );
  });
});

describe("cutting bodies", () => {
  it("cuts at 4 KiB after redaction, so a secret across the cut is gone whole, and says so", () => {
    const secret = `${"s".repeat(10)}-secret-across-the-cut`;
    const body = `${"a".repeat(EXCHANGE_BODY_BYTES - 10)}${secret}${"b".repeat(100)}`;
    const redacted = redactExchange(
      exchange({ requestHeaders: { "content-type": "text/plain" }, requestBody: body }),
      [secret],
    ).exchange.request.body;
    expect(redacted?.bytes).toBe(body.length);
    expect(redacted?.truncated).toBe(true);
    expect(Buffer.byteLength(redacted?.text ?? "")).toBeLessThanOrEqual(EXCHANGE_BODY_BYTES);
    // The first bytes of the secret (before the cut) are not there either: it was replaced before cutting.
    expect(redacted?.text.endsWith("a".repeat(EXCHANGE_BODY_BYTES - 10) + REDACTED.slice(0, 10))).toBe(true);
    expect(redacted?.text).not.toContain("ssssssssss");
  });

  it("redacts only the start of a huge body, and shows nothing when redaction could bring its cut edge into view", () => {
    const huge = `${"x".repeat(100_000)}`;
    const shown = redactExchange(exchange({ requestHeaders: {}, requestBody: huge }), []).exchange.request
      .body;
    expect(shown).toMatchObject({ bytes: 100_000, truncated: true, binary: false });
    expect(shown?.text).toBe("x".repeat(EXCHANGE_BODY_BYTES));
    // A long secret repeated over the whole window shrinks it to almost nothing: a secret cut by the window's
    // edge could then reach the part shown, so nothing is.
    const secret = `${"k".repeat(500)}-long-secret`;
    const dense = redactExchange(exchange({ requestHeaders: {}, requestBody: `${secret} `.repeat(200) }), [
      secret,
    ]).exchange.request.body;
    expect(dense).toMatchObject({ text: "", truncated: true });
  });

  it("keeps from a long body exactly what redacting its whole window would keep, wherever the secrets fall", () => {
    // The scan stops soon after the 4 KiB kept: secrets placed around that point (and spellings that are
    // prefixes of others) must come out as a scan of the whole window would leave them.
    const windowChars = 4 * EXCHANGE_BODY_BYTES;
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40, unit: "grapheme-ascii" }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.tuple(fc.integer({ min: -80, max: 200 }), fc.nat(3)), { minLength: 1, maxLength: 12 }),
        (secrets, places) => {
          const usable = secrets.filter((secret) => !secret.includes("[") && !secret.includes("]"));
          fc.pre(usable.length > 0);
          let body = "-".repeat(windowChars + 2000);
          for (const [offset, which] of places) {
            const secret = usable[which % usable.length]!;
            const at = EXCHANGE_BODY_BYTES + 40 + offset;
            body = body.slice(0, at) + secret + body.slice(at + secret.length);
          }
          const kept = redactExchange(
            exchange({ requestHeaders: { "content-type": "text/plain" }, requestBody: body }),
            usable,
          ).exchange.request.body;
          let whole = body.slice(0, windowChars);
          for (const secret of [...usable].sort((a, b) => b.length - a.length))
            whole = whole.replaceAll(secret, REDACTED);
          expect(kept?.text).toBe(whole.slice(0, EXCHANGE_BODY_BYTES));
          expect(kept?.truncated).toBe(true);
        },
      ),
      { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 14) },
    );
  });

  it("keeps short bodies whole and binary ones as a size only", () => {
    const short = redactExchange(exchange({ requestHeaders: {}, requestBody: "hello" }), []).exchange;
    expect(short.request.body).toEqual({ text: "hello", bytes: 5, truncated: false, binary: false });
    const gzip = redactExchange(
      exchange({
        response: {
          status: 200,
          headers: { "content-type": "application/gzip" },
          body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]),
        },
      }),
      [],
    ).exchange;
    expect(gzip.response?.body).toEqual({ text: "", bytes: 7, truncated: true, binary: true });
  });

  it("records a failure without an answer", () => {
    const failed = redactExchange(exchange({ response: null, failure: "ECONNREFUSED" }), []).exchange;
    expect(failed).toMatchObject({ status: null, failure: "ECONNREFUSED", response: null });
  });
});
