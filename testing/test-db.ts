import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { inject } from "vitest";
import type { Role } from "@/lib/permissions";
import { startSession } from "@/lib/server/auth/session-lifetime";
import { authSecret } from "@/lib/server/config/config";
import { connectionBus } from "@/lib/server/connections/connection-changes";
import {
  closeDatabase,
  type Database,
  database,
  installTestDatabase,
  openPglite,
} from "@/lib/server/db/client";
import { EVERYTHING } from "@/lib/server/shared-state/invalidation-bus";
import { authBus } from "@/lib/server/users/auth-invalidation";
import { createUser } from "@/lib/server/users/users";

let opened: Promise<Database> | undefined;

/**
 * An empty in-memory database, migrated, installed as the process database. Opened once per test file, from
 * the migrated copy the global setup made (opening PGlite still costs about a second), and emptied before
 * each test.
 */
export async function freshDatabase(): Promise<Database> {
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  if (!opened) {
    await closeDatabase();
    const template = new Blob([readFileSync(inject("databaseTemplate"))]);
    installTestDatabase(openPglite("memory://", template));
    opened = database();
  }
  const db = await opened;
  // TRUNCATE is not a row operation, so the audit table's append-only trigger does not stop it.
  await db.execute(
    sql`TRUNCATE users, api_tokens, login_throttle, audit_events, connections, connection_health, kayako_staff_map, kalliope_cdr_days, user_second_factors, user_recovery_codes, console_settings RESTART IDENTITY CASCADE`,
  );
  // The truncation bypassed the console's writes: what the process kept of the old rows must go too.
  await Promise.all([authBus().invalidate(EVERYTHING), connectionBus().invalidate(EVERYTHING)]);
  return db;
}

let counter = 0;

/** A user of the role plus a Cookie header carrying a valid next-auth session for them. */
export async function userWithSession(db: Database, role: Role) {
  counter += 1;
  const user = await createUser(db, {
    email: `${role}-${counter}@test.local`,
    name: `${role} ${counter}`,
    role,
    password: `a long test passphrase ${counter}`,
  });
  return { user, cookie: await sessionCookie(user.id, 1) };
}

/** A session cookie as a sign-in makes it: the claims next-auth's jwt callback writes, and a live session. */
export async function sessionCookie(userId: string, sessionVersion: number): Promise<string> {
  const token = await encode({
    token: { sub: userId, sv: sessionVersion, ...(await startSession()) },
    secret: authSecret(),
  });
  return `next-auth.session-token=${token}`;
}

/** Calls a route handler the way Next does, with a real Request and a params promise. */
export function call(
  handler: (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
  } = {},
) {
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const request = new Request(`http://console.test${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers: { ...(hasBody && { "content-type": "application/json" }), ...options.headers },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}
