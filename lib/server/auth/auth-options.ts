import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/server/config/config";
import { database } from "@/lib/server/db/client";
import { clientAddress, userAgent } from "@/lib/server/web/request-info";
import { secureSessionCookie } from "./session-cookie";
import { endSession, sessionLimits, startSession } from "./session-lifetime";
import { signIn } from "./sign-in";

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    // The JWT's own expiry is the absolute limit; the idle limit and sign-out are checked per request
    // (session-lifetime.ts), since every /api/auth/session call re-issues the JWT with a fresh expiry.
    session: { strategy: "jwt", maxAge: Math.floor(sessionLimits().maxAgeMs / 1000) },
    // next-auth's default, stated so the cookie name it writes is the one session-cookie.ts reads.
    useSecureCookies: secureSessionCookie(),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Two-factor code", type: "text" },
        },
        async authorize(credentials, request) {
          const headers = (request?.headers ?? {}) as Record<string, string | undefined>;
          const result = await signIn(
            await database(),
            {
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              code: credentials?.code ? String(credentials.code) : undefined,
            },
            { address: clientAddress(headers), userAgent: userAgent(headers) },
          );
          // next-auth passes a thrown error's message to the sign-in page as `?error=`: only a code, which the
          // page turns into its fixed message (lib/sign-in-errors.ts).
          if (!result.ok) throw new Error(result.code);
          return { ...result.user, id: result.user.id };
        },
      }),
    ],
    callbacks: {
      // Only identity, the session version and the session's id and start go into the JWT; role and state
      // are read fresh per request. A refresh (no `user`) keeps the claims as they are.
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { sessionVersion: number };
          token.sub = signedIn.id;
          token.sv = signedIn.sessionVersion;
          Object.assign(token, await startSession());
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      // The cookie is cleared by next-auth; the session itself ends here, for every copy of the cookie.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}
