import { decode, encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authSecret } from "@/lib/server/config/config";
import { hasSessionCookie, readSessionClaims, sessionCookieName } from "./session-cookie";

// The real decoder, counted: a JWT already opened must not be decrypted again.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...real, decode: vi.fn(real.decode) };
});

const before = process.env.NEXTAUTH_URL;
let token = "";
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  token = await encode({
    token: { sub: "user-1", sv: 3, sid: "session-1", sat: 1_767_225_600_000 },
    secret: authSecret(),
  });
});
afterEach(() => {
  if (before === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = before;
});

const claims = { userId: "user-1", sessionVersion: 3, sessionId: "session-1", signedInAt: 1_767_225_600_000 };

describe("the session cookie", () => {
  it("on HTTPS, is read only under its __Secure- name: a plain-named one (plantable over HTTP) is ignored", async () => {
    process.env.NEXTAUTH_URL = "https://console.example.com";
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    expect(await readSessionClaims(`__Secure-next-auth.session-token=${token}`)).toEqual(claims);
    expect(await readSessionClaims(`next-auth.session-token=${token}`)).toBeNull();
    expect(hasSessionCookie(`next-auth.session-token=${token}`)).toBe(false);
  });

  it("on plain HTTP, is read only under the plain name", async () => {
    process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
    expect(await readSessionClaims(`next-auth.session-token=${token}`)).toEqual(claims);
    expect(await readSessionClaims(`__Secure-next-auth.session-token=${token}`)).toBeNull();
  });

  it("joins a value split into chunks", async () => {
    delete process.env.NEXTAUTH_URL;
    const half = Math.ceil(token.length / 2);
    const header = `next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}`;
    expect(await readSessionClaims(header)).toEqual(claims);
  });

  it("is refused without a session id and start (issued before sessions could end)", async () => {
    delete process.env.NEXTAUTH_URL;
    const old = await encode({ token: { sub: "user-1", sv: 3 }, secret: authSecret() });
    expect(await readSessionClaims(`next-auth.session-token=${old}`)).toBeNull();
  });

  it("opens a JWT once while it is valid, and refuses it past its expiry all the same", async () => {
    delete process.env.NEXTAUTH_URL;
    const fresh = await encode({
      token: { sub: "user-2", sv: 1, sid: "session-2", sat: Date.now() },
      secret: authSecret(),
      maxAge: 60,
    });
    const header = `next-auth.session-token=${fresh}`;
    vi.mocked(decode).mockClear();
    for (let n = 0; n < 3; n++) expect(await readSessionClaims(header)).toMatchObject({ userId: "user-2" });
    expect(decode).toHaveBeenCalledTimes(1);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // Past the expiry and next-auth's 15 s clock tolerance.
      vi.setSystemTime(Date.now() + 80_000);
      expect(await readSessionClaims(header)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
