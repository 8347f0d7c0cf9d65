import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { can, ROLES, type Role } from "@/lib/permissions";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { users } from "@/lib/server/db/schema";
import { revokeSessions } from "@/lib/server/users/users";
import {
  apiTokenFor,
  bearer,
  type DocumentedOperation,
  type DocumentedRoute,
  documentedRoutes,
  invoke,
  type RouteRequest,
  sessionHeaders,
  validSample,
} from "./api-routes";
import { freshDatabase, userWithSession } from "./test-db";

/**
 * The access matrix, generated from the published OpenAPI document (the object `/api/v1/openapi.json`
 * serves) and run against the real route modules in process: every operation × no credentials, dead
 * credentials, and each role's API token and session cookie. Each cell has exactly one right status.
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const document = openApiDocument();
const routes = await documentedRoutes(document);

interface Expected {
  status: number;
  code?: string;
}

/**
 * What an allowed caller gets for the smallest request: valid path parameters naming nothing that exists,
 * no query and no body. Read off the document in the order the route wrapper checks its input (path, query,
 * body), then the handler's lookup, so no per-operation table is needed.
 */
function minimalRequestOutcome(operation: DocumentedOperation): Expected {
  if (operation.parameters.some((parameter) => parameter.in === "query" && parameter.required)) {
    return { status: 400, code: "validation_failed" };
  }
  if (operation.requestBody?.required) return { status: 400, code: "bad_request" };
  if (operation.parameters.some((parameter) => parameter.in === "path"))
    return { status: 404, code: "not_found" };
  const success = Object.keys(operation.responses).find((status) => status.startsWith("2"));
  if (!success) throw new Error(`${operation.operationId} documents no success status`);
  return { status: Number(success) };
}

function minimalRequest(route: DocumentedRoute): RouteRequest {
  const params = Object.fromEntries(
    route.operation.parameters
      .filter((parameter) => parameter.in === "path")
      .map((parameter) => [parameter.name, validSample(parameter.schema)]),
  );
  // A JSON content type with no body: the wrapper must get as far as reading it to refuse it.
  const headers: Record<string, string> = route.operation.requestBody
    ? { "content-type": "application/json" }
    : {};
  return { params, headers };
}

async function expectOutcome(
  route: DocumentedRoute,
  credentials: Record<string, string>,
  expected: Expected,
) {
  const request = minimalRequest(route);
  const response = await invoke(route, { ...request, headers: { ...request.headers, ...credentials } });
  const label = `${route.method} ${route.path} with ${Object.keys(credentials).join("+") || "no credentials"}`;
  const text = await response.text();
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBe(expected.status);
  // Whatever the answer, the document must have promised it.
  expect(Object.keys(route.operation.responses), label).toContain(String(expected.status));
  if (expected.status >= 400) {
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(body.error.message, label).toEqual(expect.any(String));
    if (expected.code) expect(body.error.code, label).toBe(expected.code);
  }
}

interface Credentials {
  tokens: Record<Role, string>;
  cookies: Record<Role, string>;
  expiredToken: string;
  revokedToken: string;
  disabledCreatorToken: string;
  beyondLifetimeToken: string;
  disabledUserCookie: string;
  /** An operator who must change a generated password before anything else. */
  setupPendingCookie: string;
  outdatedSessionCookie: string;
  foreignSecretCookie: string;
}

let db: Database;
let credentials: Credentials;

beforeAll(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  const tokens = {} as Record<Role, string>;
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) {
    tokens[role] = await apiTokenFor(db, role);
    cookies[role] = (await userWithSession(db, role)).cookie;
  }
  const disabled = await userWithSession(db, "admin");
  // Only disabledAt: the session version stays, so this cell tests the disabled check on its own.
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
  const setupPending = await userWithSession(db, "operator");
  await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, setupPending.user.id));
  const signedOut = await userWithSession(db, "admin");
  await revokeSessions(db, signedOut.user.id);
  const forged = await encode({
    token: { sub: signedOut.user.id, sv: 2, sid: "forged-session", sat: Date.now() },
    secret: "not-the-console-secret-not-the-console-secret",
  });
  credentials = {
    tokens,
    cookies,
    expiredToken: await apiTokenFor(db, "admin", "expired"),
    revokedToken: await apiTokenFor(db, "admin", "revoked"),
    disabledCreatorToken: await apiTokenFor(db, "admin", "creator-disabled"),
    beyondLifetimeToken: await apiTokenFor(db, "admin", "beyond-lifetime"),
    disabledUserCookie: disabled.cookie,
    setupPendingCookie: setupPending.cookie,
    outdatedSessionCookie: signedOut.cookie,
    foreignSecretCookie: `next-auth.session-token=${forged}`,
  };
});

describe("the access matrix covers the whole document", () => {
  it("finds a handler for every documented operation", () => {
    const operationCount = Object.values(document.paths).reduce(
      (count, methods) => count + Object.keys(methods).length,
      0,
    );
    expect(routes).toHaveLength(operationCount);
    expect(routes.length).toBeGreaterThan(50);
  });

  it("refuses API tokens on every operation that manages people, API tokens, sign-in or saved views, and only there", () => {
    const label = (route: DocumentedRoute) => `${route.method} ${route.path}`;
    const refusing = routes.filter((route) => !route.operation["x-api-tokens"]).map(label);
    const managing = routes
      .filter(
        (route) =>
          /^\/api\/v1\/(users|api-tokens|account|saved-views)(\/|$)/.test(route.path) ||
          (route.path === "/api/v1/settings/two-factor" && route.method !== "GET"),
      )
      .map(label);
    expect(managing.length).toBeGreaterThanOrEqual(15);
    expect(refusing).toEqual(managing);
  });

  it("refuses to run when a documented operation has no handler, or a handler no operation", async () => {
    const withGhost = { ...document, paths: { ...document.paths, "/api/v1/ghosts/{id}": { get: {} } } };
    await expect(documentedRoutes(withGhost)).rejects.toThrow(
      "GET /api/v1/ghosts/{id} is documented but app/api/v1/ghosts/[id]/route.ts has no GET",
    );
    const { "/api/v1/users": _users, ...withoutUsers } = document.paths;
    await expect(documentedRoutes({ ...document, paths: withoutUsers })).rejects.toThrow(
      "POST /api/v1/users has a handler in app/api/v1/users/route.ts but no operation",
    );
  });
});

for (const route of routes)
  describe(`${route.method} ${route.path}`, () => {
    const allowed = minimalRequestOutcome(route.operation);

    it("refuses a request without credentials as unauthenticated", async () => {
      await expectOutcome(route, {}, { status: 401, code: "unauthenticated" });
    });

    it("refuses expired, revoked, over-age, orphaned by a disabled creator, unknown and malformed API tokens", async () => {
      for (const token of [
        credentials.expiredToken,
        credentials.revokedToken,
        credentials.beyondLifetimeToken,
        credentials.disabledCreatorToken,
        "oc_unknown",
        "not-a-token",
      ]) {
        await expectOutcome(route, bearer(token), { status: 401, code: "invalid_token" });
      }
      await expectOutcome(
        route,
        { authorization: "Basic YWRtaW46YWRtaW4=" },
        { status: 401, code: "invalid_token" },
      );
    });

    it("refuses sessions of a disabled user, from before a sign-out everywhere, or signed with another secret", async () => {
      for (const cookie of [
        credentials.disabledUserCookie,
        credentials.outdatedSessionCookie,
        credentials.foreignSecretCookie,
        "next-auth.session-token=garbage",
      ]) {
        await expectOutcome(route, sessionHeaders(cookie), { status: 401, code: "unauthenticated" });
      }
    });

    it("refuses a change riding on a session cookie from another site, and answers a read as usual", async () => {
      const fromElsewhere = { cookie: credentials.cookies.admin, origin: "https://elsewhere.example" };
      const expected = route.method === "GET" ? allowed : { status: 403, code: "cross_site_request" };
      await expectOutcome(route, fromElsewhere, expected);
    });

    it.each(ROLES)(
      "answers %s by the permission table, by session and (where allowed) by token",
      async (role) => {
        const byRole = can(role, route.permission) ? allowed : { status: 403, code: "forbidden" };
        const byToken = route.operation["x-api-tokens"] ? byRole : { status: 403, code: "token_not_allowed" };
        await expectOutcome(route, bearer(credentials.tokens[role]), byToken);
        await expectOutcome(route, sessionHeaders(credentials.cookies[role]), byRole);
      },
    );

    it("lets a person who owes a required account step call only what completes it", async () => {
      const expected = !can("operator", route.permission)
        ? { status: 403, code: "forbidden" }
        : route.operation["x-during-account-setup"]
          ? allowed
          : { status: 403, code: "account_setup_required" };
      await expectOutcome(route, sessionHeaders(credentials.setupPendingCookie), expected);
    });
  });
