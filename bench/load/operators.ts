import { randomBytes } from "node:crypto";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import type { CredentialKind } from "./mix";

/**
 * The people behind the load: operator accounts that sign in through the login form's endpoint (a session
 * cookie, as a browser holds) and operator API tokens (as scripts use), plus an admin for the audit log.
 * Everything is created through the console's own API, so it is audited like any other set-up.
 */

export type Credential = Record<string, string>;

/** Signs in with email and password as the login form does; returns the session cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return session;
}

async function post<T>(baseUrl: string, path: string, cookie: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { cookie, origin: baseUrl, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface CredentialPools {
  adminCookie: string;
  next(kind: CredentialKind): Credential;
  counts: Record<CredentialKind, number>;
}

function roundRobin(items: readonly Credential[]): () => Credential {
  let next = 0;
  return () => items[next++ % items.length]!;
}

/** `people` operators sign in (session cookies) and as many operator API tokens are made. */
export async function createOperators(baseUrl: string, people: number): Promise<CredentialPools> {
  const admin = DEMO_ACCOUNTS.find((account) => account.role === "admin")!;
  const adminCookie = await signIn(baseUrl, admin.email, admin.password);
  const runId = Date.now().toString(36);

  const sessions: Credential[] = [];
  const tokens: Credential[] = [];
  for (let index = 0; index < people; index += 1) {
    const email = `load-${runId}-${index}@bench.local`;
    const password = randomBytes(18).toString("base64url");
    await post(baseUrl, "/api/v1/users", adminCookie, {
      email,
      name: `Load operator ${index}`,
      role: "operator",
      password,
    });
    // The cookie's session is a JWT bound to this user; the origin header is what a browser sends on writes.
    sessions.push({ cookie: await signIn(baseUrl, email, password), origin: baseUrl });
    const created = await post<{ token: string }>(baseUrl, "/api/v1/api-tokens", adminCookie, {
      name: `load-${runId}-${index}`,
      role: "operator",
      expiresInDays: 1,
    });
    tokens.push({ authorization: `Bearer ${created.token}` });
  }
  const adminToken = await post<{ token: string }>(baseUrl, "/api/v1/api-tokens", adminCookie, {
    name: `load-${runId}-admin`,
    role: "admin",
    expiresInDays: 1,
  });
  const admins: Credential[] = [
    { cookie: adminCookie, origin: baseUrl },
    { authorization: `Bearer ${adminToken.token}` },
  ];

  // Operators alternate between a browser session and an API token, so both authentication paths carry load.
  const operators = sessions.flatMap((session, index) => [session, tokens[index]!]);
  const pick: Record<CredentialKind, () => Credential> = {
    operator: roundRobin(operators),
    admin: roundRobin(admins),
    session: roundRobin(sessions),
  };
  return {
    adminCookie,
    next: (kind) => pick[kind](),
    counts: { operator: operators.length, admin: admins.length, session: sessions.length },
  };
}
