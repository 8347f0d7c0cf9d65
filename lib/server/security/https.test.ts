import { afterEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/testing/log-capture";
import { servedOverHttps, warnIfSessionCookieInsecure } from "./https";

const headers = (values: Record<string, string>) => new Headers(values);

describe("servedOverHttps", () => {
  it("trusts an https NEXTAUTH_URL", () => {
    expect(servedOverHttps(headers({}), "https://console.example.com")).toBe(true);
    expect(servedOverHttps(headers({}), "http://console.example.com")).toBe(false);
    expect(servedOverHttps(headers({}), undefined)).toBe(false);
  });

  it("reads the scheme the browser used from the first X-Forwarded-Proto value", () => {
    expect(servedOverHttps(headers({ "x-forwarded-proto": "https" }), undefined)).toBe(true);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "HTTPS, http" }), undefined)).toBe(true);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "http, https" }), undefined)).toBe(false);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "http" }), undefined)).toBe(false);
  });
});

describe("warnIfSessionCookieInsecure", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("warns once when HTTPS traffic arrives while NEXTAUTH_URL would leave the session cookie without Secure", () => {
    const logs = captureLogs();
    const warnings = () => logs.lines.filter((line) => line.level === "warn");
    warnIfSessionCookieInsecure(false, undefined);
    warnIfSessionCookieInsecure(true, "https://console.example.com");
    expect(warnings()).toEqual([]);
    warnIfSessionCookieInsecure(true, "http://console.example.com");
    warnIfSessionCookieInsecure(true, undefined);
    expect(warnings()).toEqual([expect.objectContaining({ msg: expect.stringMatching(/NEXTAUTH_URL/) })]);
    logs.restore();
  });
});
