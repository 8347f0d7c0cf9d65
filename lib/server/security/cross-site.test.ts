import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { crossSiteRefusal, isCrossSite } from "./cross-site";

const person: Actor = {
  kind: "user",
  id: "u1",
  label: "ann@example.com",
  name: "Ann",
  role: "admin",
  language: null,
};
const script: Actor = { kind: "token", id: "t1", label: "token:ci", role: "admin" };

function request(headers: Record<string, string>, method = "POST", url = "http://console.test/api/v1/users") {
  return new Request(url, { method, headers });
}

describe("isCrossSite", () => {
  it("accepts a request whose Origin is the console's own host", () => {
    expect(isCrossSite(request({ host: "console.test", origin: "http://console.test" }), undefined)).toBe(
      false,
    );
  });

  it("refuses another site, a sibling subdomain, another port and an opaque origin", () => {
    for (const origin of [
      "https://evil.example",
      "http://other.console.test",
      "http://console.test:8080",
      "null",
    ]) {
      expect(isCrossSite(request({ host: "console.test", origin }), undefined), origin).toBe(true);
    }
  });

  it("falls back to Sec-Fetch-Site when there is no Origin", () => {
    const without = (site: string) => isCrossSite(request({ "sec-fetch-site": site }), undefined);
    expect(without("same-origin")).toBe(false);
    expect(without("none")).toBe(false);
    expect(without("same-site")).toBe(true);
    expect(without("cross-site")).toBe(true);
  });

  it("lets a client that is not a browser (neither header) through", () => {
    expect(isCrossSite(request({}), undefined)).toBe(false);
  });

  it("accepts the public host a reverse proxy forwards", () => {
    const behindProxy = request(
      {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "console.example.com",
        origin: "https://console.example.com",
      },
      "POST",
      "http://127.0.0.1:3000/api/v1/users",
    );
    expect(isCrossSite(behindProxy, undefined)).toBe(false);
  });

  it("accepts the host of NEXTAUTH_URL when the proxy rewrites Host and sends no X-Forwarded-Host", () => {
    const rewritten = request(
      { host: "console-backend:3000", origin: "https://console.example.com" },
      "POST",
      "http://console-backend:3000/api/v1/users",
    );
    expect(isCrossSite(rewritten, undefined)).toBe(true);
    expect(isCrossSite(rewritten, "https://console.example.com")).toBe(false);
  });

  it("compares hosts case-insensitively", () => {
    expect(isCrossSite(request({ host: "Console.Test", origin: "http://console.TEST" }), undefined)).toBe(
      false,
    );
  });
});

describe("crossSiteRefusal", () => {
  const fromEvil = { host: "console.test", origin: "https://evil.example" };

  it("refuses a state-changing request riding on the session cookie from another site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const refusal = crossSiteRefusal(request(fromEvil, method), person);
      expect(refusal?.status, method).toBe(403);
      expect(refusal?.code).toBe("cross_site_request");
      expect(refusal?.message).toMatch(/another site/);
    }
  });

  it("lets reads through: they change nothing, and CORS keeps their answers from the other site", () => {
    expect(crossSiteRefusal(request(fromEvil, "GET"), person)).toBeNull();
  });

  it("exempts API tokens, which a browser never sends on its own", () => {
    expect(crossSiteRefusal(request(fromEvil), script)).toBeNull();
  });

  it("lets the console's own pages write", () => {
    expect(
      crossSiteRefusal(request({ host: "console.test", origin: "http://console.test" }), person),
    ).toBeNull();
  });
});
