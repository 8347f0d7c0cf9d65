import { describe, expect, it } from "vitest";
import { servedOverHttps } from "./https";

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
