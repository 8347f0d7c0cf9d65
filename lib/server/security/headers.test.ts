import { createHash } from "node:crypto";
import type { NextConfig } from "next";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  API_POLICY,
  BASELINE_HEADERS,
  createNonce,
  EMPTY_STYLE_HASH,
  HSTS_VALUE,
  pagePolicy,
  securityHeaders,
  TOASTER_STYLE_HASH,
} from "./headers";

/** Parses a policy into directive → sources, so tests can ask about one directive at a time. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("page policy", () => {
  const production = directives(pagePolicy({ nonce: "abc123==", dev: false, https: false }));

  it("runs only nonced scripts and what they load, never inline or eval'd code", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("locks down plugins, <base>, framing, form targets and connections", () => {
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("admits <style> elements by nonce or the toaster's hash, not inline", () => {
    expect(production.get("style-src")).toEqual([
      "'self'",
      "'nonce-abc123=='",
      `'${TOASTER_STYLE_HASH}'`,
      `'${EMPTY_STYLE_HASH}'`,
    ]);
  });

  it("allows eval and inline styles in development only", () => {
    const dev = directives(pagePolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    expect([...production.values()].flat().filter((source) => source === "'unsafe-inline'")).toHaveLength(1);
    expect(production.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("upgrades insecure subresource requests only when served over HTTPS", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    expect(
      directives(pagePolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests"),
    ).toBe(true);
  });
});

describe("nonces", () => {
  it("are 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("response headers", () => {
  it("give API answers a policy that loads nothing and cannot be framed", () => {
    expect(directives(API_POLICY)).toEqual(
      new Map([
        ["default-src", ["'none'"]],
        ["frame-ancestors", ["'none'"]],
      ]),
    );
  });

  it("carry the baseline everywhere and HSTS only over HTTPS", () => {
    const plain = securityHeaders(API_POLICY, false);
    expect(plain).toMatchObject({ ...BASELINE_HEADERS, "Content-Security-Policy": API_POLICY });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(API_POLICY, true)["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(BASELINE_HEADERS["Referrer-Policy"]).not.toBe("no-referrer");
  });

  it("are repeated for static files in next.config.mjs", async () => {
    // A path in a variable: TypeScript has no types for the .mjs config, so it is typed here.
    const configFile = new URL("../../../next.config.mjs", import.meta.url).href;
    const { default: nextConfig } = (await import(configFile)) as { default: NextConfig };
    const rules = (await nextConfig.headers?.()) ?? [];
    const forStatic = rules.filter((rule) => rule.source === "/_next/static/:path*");
    const always = Object.fromEntries(
      (forStatic.find((rule) => !rule.has)?.headers ?? []).map(({ key, value }) => [key, value]),
    );
    expect(always).toEqual({ ...BASELINE_HEADERS, "Content-Security-Policy": API_POLICY });
    const overHttps = forStatic.find((rule) => rule.has);
    expect(overHttps?.headers).toEqual([{ key: "Strict-Transport-Security", value: HSTS_VALUE }]);
  });
});

describe("the toaster's stylesheet hash", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("matches the <style> the installed sonner inserts", async () => {
    const inserted: string[] = [];
    vi.stubGlobal("document", {
      head: { appendChild: () => undefined },
      getElementsByTagName: () => [],
      createElement: () => ({ appendChild: (node: { text: string }) => inserted.push(node.text) }),
      createTextNode: (text: string) => ({ text }),
    });
    vi.resetModules();
    await import("sonner");
    expect(inserted).toHaveLength(1);
    const hash = `sha256-${createHash("sha256")
      .update(inserted[0] ?? "")
      .digest("base64")}`;
    expect(hash, "sonner's stylesheet changed: update TOASTER_STYLE_HASH").toBe(TOASTER_STYLE_HASH);
    expect(`sha256-${createHash("sha256").update("").digest("base64")}`).toBe(EMPTY_STYLE_HASH);
  });
});
