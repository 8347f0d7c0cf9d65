import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/server/config";
import { database } from "@/lib/server/db/client";
import { clientAddress, userAgent } from "@/lib/server/request-info";
import { signIn } from "./sign-in";

/** Sessions last a working day; revocation does not wait for expiry (see resolveActor). */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
          // next-auth passes a thrown error's message to the sign-in page, which shows it as is.
          // A second-factor answer goes as its fixed code: the form switches to the code field on it.
          if (!result.ok) throw new Error("code" in result && result.code ? result.code : result.message);
          return { ...result.user, id: result.user.id };
        },
      }),
    ],
    callbacks: {
      // Only identity and the session version go into the JWT; role and state are read fresh per request.
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { sessionVersion: number };
          token.sub = signedIn.id;
          token.sv = signedIn.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}
