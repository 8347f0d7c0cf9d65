import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listConnections } from "@/app/api/v1/connections/route";
import type { Database } from "@/lib/server/db/client";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { installSharedState } from "@/lib/server/shared-state/shared-state";
import { createUser } from "@/lib/server/users/users";
import { call, freshDatabase } from "@/testing/test-db";
import { resolveActor } from "./actor";
import { authOptions } from "./auth-options";

/**
 * Sessions end: signing out revokes the session for every copy of its cookie, and the idle and absolute limits
 * hold whatever refreshes the JWT. Runs next-auth's own request handler (the one behind /api/auth/*) with the
 * console's options, and the console's actor resolution, on a fake clock.
 */

type Cookie = { name: string; value: string };
type AuthResponse = { status?: number; body?: unknown; cookies?: Cookie[]; redirect?: string };
// next-auth 4 does not export its framework-neutral handler; it is the file its Next route handler calls.
const nextAuthDir = path.dirname(createRequire(import.meta.url).resolve("next-auth"));
const { AuthHandler } = (await import(path.join(nextAuthDir, "core/index.js"))) as {
  AuthHandler(params: { req: Request; options: ReturnType<typeof authOptions> }): Promise<AuthResponse>;
};

const ORIGIN = "http://console.test";
const password = "correct horse battery staple";
let db: Database;

/** A browser's cookie jar, just enough for next-auth's flows. */
class Browser {
  readonly jar = new Map<string, string>();
  get cookieHeader() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  async auth(route: string, body?: Record<string, string>): Promise<AuthResponse> {
    const response = await AuthHandler({
      req: new Request(`${ORIGIN}/api/auth/${route}`, {
        method: body ? "POST" : "GET",
        headers: {
          cookie: this.cookieHeader,
          ...(body && { "content-type": "application/json" }),
        },
        body: body && JSON.stringify(body),
      }),
      options: authOptions(),
    });
    for (const cookie of response.cookies ?? []) {
      if (cookie.value === "") this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    return response;
  }
  async csrfToken() {
    return ((await this.auth("csrf")).body as { csrfToken: string }).csrfToken;
  }
  async signIn(email: string, secret: string) {
    const csrfToken = await this.csrfToken();
    return this.auth("callback/credentials", { csrfToken, email, password: secret, json: "true" });
  }
  async signOut() {
    return this.auth("signout", { csrfToken: await this.csrfToken(), json: "true" });
  }
  /** Only the session cookie, as someone who copied it would hold it. */
  get sessionCookie() {
    return `next-auth.session-token=${this.jar.get("next-auth.session-token") ?? ""}`;
  }
}

const actorFor = (cookie: string) => resolveActor(new Headers({ cookie }));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-03-02T08:00:00Z"));
  // The store's clock is the faked Date too, so its TTLs run on test time.
  installSharedState(new MemoryState(() => Date.now()));
  db = await freshDatabase();
  await createUser(db, { email: "ann@example.com", name: "Ann", role: "operator", password });
});
afterEach(() => {
  installSharedState(undefined);
  vi.useRealTimers();
});

describe("signing out", () => {
  it("revokes the session: a copy of the cookie taken before sign-out is refused afterwards", async () => {
    const browser = new Browser();
    await browser.signIn("ann@example.com", password);
    const copied = browser.sessionCookie;
    expect(await actorFor(copied)).toMatchObject({ kind: "user", label: "ann@example.com" });

    await browser.signOut();
    expect(browser.jar.has("next-auth.session-token")).toBe(false);
    await expect(actorFor(copied)).rejects.toMatchObject({ status: 401, code: "session_ended" });
    const response = await call(listConnections, {
      path: "/api/v1/connections",
      headers: { cookie: copied },
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("session_ended");
  });

  it("ends only that session: the same person's other sign-in goes on", async () => {
    const laptop = new Browser();
    const phone = new Browser();
    await laptop.signIn("ann@example.com", password);
    await phone.signIn("ann@example.com", password);
    await laptop.signOut();
    expect(await actorFor(phone.sessionCookie)).toMatchObject({ label: "ann@example.com" });
  });
});

describe("session limits (defaults: 30 minutes idle, 12 hours in all)", () => {
  it("ends a session left idle for more than 30 minutes, and each request restarts the idle time", async () => {
    const browser = new Browser();
    await browser.signIn("ann@example.com", password);
    const cookie = browser.sessionCookie;
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(29 * 60_000);
      expect(await actorFor(cookie)).not.toBeNull();
    }
    vi.advanceTimersByTime(30 * 60_000 + 1000);
    await expect(actorFor(cookie)).rejects.toMatchObject({ code: "session_ended" });
    // Once ended, it stays ended.
    vi.advanceTimersByTime(60_000);
    await expect(actorFor(cookie)).rejects.toMatchObject({ code: "session_ended" });
  });

  it("ends an active session 12 hours after sign-in, although /api/auth/session re-issued its JWT meanwhile", async () => {
    const browser = new Browser();
    await browser.signIn("ann@example.com", password);
    const firstCookie = browser.sessionCookie;
    // Active all day: a request every 20 minutes, and next-auth's session endpoint asked every time.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      vi.advanceTimersByTime(20 * 60_000);
      expect((await browser.auth("session")).body).toMatchObject({ user: { email: "ann@example.com" } });
      expect(await actorFor(browser.sessionCookie)).not.toBeNull();
    }
    // The refreshed JWT is new (next-auth gave it a fresh expiry) but carries the same sign-in time.
    expect(browser.sessionCookie).not.toBe(firstCookie);
    vi.advanceTimersByTime(20 * 60_000);
    await expect(actorFor(browser.sessionCookie)).rejects.toMatchObject({ code: "session_ended" });
  });
});
