import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { NextRequest } from "next/server";
import type { openApiDocument } from "@/lib/api/openapi";
import { PERMISSIONS, type Permission, type Role } from "@/lib/permissions";
import { serverConfig } from "@/lib/server/config/config";
import type { Database } from "@/lib/server/db/client";
import { apiTokens, users } from "@/lib/server/db/schema";
import { createApiToken, revokeApiToken } from "@/lib/server/users/api-tokens";
import { userWithSession } from "./test-db";

/**
 * Test harness that drives the BFF from its published contract: every operation of the OpenAPI document is
 * matched to the real route module on disk, so tests built on it cannot leave a route out.
 */

const API_ROOT = path.join(process.cwd(), "app/api/v1");
/** The BFF's own contract is public and undocumented in itself; every other route file is an operation. */
const UNDOCUMENTED_ROUTES = new Set(["/api/v1/openapi.json"]);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Origin the harness's requests come from; cookie-authenticated writes must look same-origin. */
export const TEST_ORIGIN = "http://console.test";

type OpenApiDocument = ReturnType<typeof openApiDocument>;

const isPermission = (value: unknown): value is Permission =>
  typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);

export interface DocumentedParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface DocumentedOperation {
  operationId: string;
  "x-permission": string;
  /** false: API tokens are refused (403 token_not_allowed) whatever their role. */
  "x-api-tokens": boolean;
  /** Open to a person who still owes a required account step (new password, enrolment). */
  "x-during-account-setup"?: boolean;
  parameters: DocumentedParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

export type RouteHandler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface DocumentedRoute {
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/users/{id}`. */
  path: string;
  operation: DocumentedOperation;
  permission: Permission;
  handler: RouteHandler;
}

/** `/api/v1/users/{id}` ⇄ `app/api/v1/users/[id]/route.ts`: Next's folder convention, both ways. */
export const routeFileOf = (apiPath: string) =>
  path.join(API_ROOT, apiPath.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
const apiPathOf = (file: string) =>
  `/api/v1/${path.relative(API_ROOT, path.dirname(file))}`
    .replaceAll(path.sep, "/")
    .replace(/\[(\w+)\]/g, "{$1}");

function routeFiles(dir = API_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/**
 * Every path × method of the document with its real handler. Throws, naming them all, when a documented
 * operation has no handler, a handler exports a method the document does not publish, or an operation's
 * `x-permission` is not in the permission table: a matrix built on this covers every route or does not run.
 */
export async function documentedRoutes(document: OpenApiDocument): Promise<DocumentedRoute[]> {
  const problems: string[] = [];
  const routes: DocumentedRoute[] = [];
  const modules = new Map<string, Record<string, unknown>>();
  // @vite-ignore: the paths come from the disk at run time; left to Vite, the import() spins trying to resolve it.
  for (const file of routeFiles()) modules.set(file, await import(/* @vite-ignore */ file));

  for (const [apiPath, methods] of Object.entries(document.paths)) {
    const file = routeFileOf(apiPath);
    const module = modules.get(file);
    for (const [method, described] of Object.entries(methods)) {
      const operation = described as DocumentedOperation;
      const upper = method.toUpperCase();
      const handler = module?.[upper];
      if (typeof handler !== "function") {
        problems.push(
          `${upper} ${apiPath} is documented but ${path.relative(process.cwd(), file)} has no ${upper}`,
        );
        continue;
      }
      if (!isPermission(operation["x-permission"])) {
        problems.push(`${upper} ${apiPath} declares no known x-permission (${operation["x-permission"]})`);
        continue;
      }
      routes.push({
        method: upper,
        path: apiPath,
        operation,
        permission: operation["x-permission"],
        handler: handler as RouteHandler,
      });
    }
  }
  for (const [file, module] of modules) {
    const apiPath = apiPathOf(file);
    if (UNDOCUMENTED_ROUTES.has(apiPath)) continue;
    for (const method of HTTP_METHODS) {
      if (typeof module[method] === "function" && !document.paths[apiPath]?.[method.toLowerCase()]) {
        problems.push(
          `${method} ${apiPath} has a handler in ${path.relative(process.cwd(), file)} but no operation`,
        );
      }
    }
  }
  if (problems.length > 0)
    throw new Error(`The OpenAPI document and app/api/v1 disagree:\n${problems.join("\n")}`);
  return routes;
}

export interface RouteRequest {
  /** Path parameter values, as Next hands them to the handler (already decoded). */
  params?: Record<string, string>;
  /** Raw query string without `?`, so repeated and odd keys reach the handler as sent. */
  query?: string;
  headers?: Record<string, string>;
  /** A JSON body (serialized here) or the exact text/bytes to send. */
  json?: unknown;
  raw?: string | Uint8Array<ArrayBuffer>;
}

/** Calls a handler the way Next does: a NextRequest for the concrete URL and a params promise. */
export function invoke(
  route: Pick<DocumentedRoute, "method" | "path" | "handler">,
  input: RouteRequest = {},
) {
  const params = input.params ?? {};
  const concrete = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ""),
  );
  const body = input.raw ?? (input.json === undefined ? undefined : JSON.stringify(input.json));
  const request = new NextRequest(`${TEST_ORIGIN}${concrete}${input.query ? `?${input.query}` : ""}`, {
    method: route.method,
    headers: {
      ...(input.json !== undefined && { "content-type": "application/json" }),
      ...input.headers,
    },
    ...(body !== undefined && { body }),
  });
  return route.handler(request, { params: Promise.resolve(params) });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Session cookies travel with the browser's Origin; a same-origin one keeps the cross-site write check quiet. */
export const sessionHeaders = (cookie: string) => ({ cookie, origin: TEST_ORIGIN });

/** The states of a token the matrix sends: only "active" may get past the wrapper's token check. */
export type TokenState = "active" | "expired" | "revoked" | "creator-disabled" | "beyond-lifetime";

/** A token of the role in the given state, made by an admin of its own (so disabling one disables one). */
export async function apiTokenFor(db: Database, role: Role, state: TokenState = "active") {
  const { user: creator } = await userWithSession(db, "admin");
  const created = await createApiToken(db, { name: `${state} ${role}`, role, expiresInDays: 1 }, creator.id);
  const token = eq(apiTokens.id, created.id);
  if (state === "expired")
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(token);
  if (state === "revoked") await revokeApiToken(db, created.id);
  if (state === "creator-disabled") {
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, creator.id));
  }
  if (state === "beyond-lifetime") {
    // A "never expires" token from before the maximum lifetime, made a day more than that ago.
    const days = serverConfig().API_TOKEN_MAX_LIFETIME_DAYS + 1;
    await db
      .update(apiTokens)
      .set({ expiresAt: null, createdAt: new Date(Date.now() - days * 86_400_000) })
      .where(token);
  }
  return created.token;
}

/**
 * One fixed value the parameter's documented schema accepts (a pattern, a length, an enum), so a request
 * gets past validation and reaches the handler. Seeded: the same value on every run.
 */
export function validSample(schema: JsonSchema): string {
  if (schema.enum?.length) return String(schema.enum[0]);
  const min = Math.max(schema.minLength ?? 1, 1);
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  // Without a pattern, plain letters and digits: any id schema takes them, and they need no escaping.
  const text = fc.stringMatching(new RegExp(schema.pattern ?? "^[a-z0-9]+$"));
  const [value] = fc.sample(
    text.filter((candidate) => candidate.length >= min && candidate.length <= max),
    { numRuns: 1, seed: 42 },
  );
  if (value === undefined) throw new Error(`No sample for ${JSON.stringify(schema)}`);
  return value;
}
