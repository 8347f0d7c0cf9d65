import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import type { Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/operations";
import { CONNECTION_KINDS } from "@/lib/connection-kinds";
import { MAX_JSON_BODY_BYTES, parseWith, queryObject } from "@/lib/server/api/parse-input";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, userSecondFactors } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/errors/api-error";
import { startEnrolment } from "@/lib/server/users/second-factor";
import type { RunningSimulator } from "@/simulators/shared/types";
import {
  apiTokenFor,
  bearer,
  type DocumentedRoute,
  documentedRoutes,
  invoke,
  type JsonSchema,
  type RouteRequest,
  sessionHeaders,
  validSample,
} from "./api-routes";
import { connectionFor, startSmallSimulator } from "./connection-fixtures";
import { captureLogs } from "./log-capture";
import { freshDatabase, userWithSession } from "./test-db";

/**
 * Random and hostile input through every BFF operation of the published document, as an admin (so nothing
 * stops at the permission check): the answer is a success or a 4xx in the one JSON error shape, never a 5xx,
 * a throw or a hang. Connections to a small simulator of every kind exist, so input that passes validation
 * goes on into the vendor code instead of stopping at "no such connection".
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const routes = await documentedRoutes(openApiDocument());

/** Generous for a loaded CI runner; a hang (a lost await, a regex blow-up) is far beyond it. */
const REQUEST_TIME_LIMIT_MS = 5_000;
/** Random requests per operation (FUZZ_RUNS for a deeper local run); the file stays well under a minute. */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

// ---------------------------------------------------------------------------------------------------------
// Hostile material

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "../../../etc/passwd",
  "..%2f..%2fetc",
  "%00",
  "%ZZ",
  "\ud800",
  "\udfff\ud800",
  "😀🏳️‍🌈",
  "\u202e\u0000\r\n",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "{{7*7}}#{7*7}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "keriodb://user/../../x",
  "x".repeat(10_000),
  "1e308",
  "-0",
  "NaN",
  "Infinity",
  "9007199254740993",
  "2026-02-30T25:61:61Z",
];

const HOSTILE_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 53 + 1,
  -1,
  0.5,
  0,
];

/** JSON texts that JSON.parse accepts but that probe the schemas: prototype keys, huge numbers, depth. */
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const HOSTILE_JSON_TEXTS = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '[{"__proto__":{"polluted":true}}]',
  "1e309",
  "-0",
  "null",
  "true",
  '"string"',
  "[]",
  deep(100_000),
  deepObject(20_000),
  '{"a":1,"a":2}',
];

/** Texts that are not JSON at all, or not text. */
const NOT_JSON_TEXTS = ["NaN", "{'a':1}", '{"a":1,}', "{", "\u0000", "\ufeff{}", "undefined", " \n\t "];

const INVALID_UTF8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]);

const WRONG_CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jsonx",
  "application/json; charset=utf-16",
  "",
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 3_000 }) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "id", "name", ""), hostileString, { maxKeys: 3 }),
);

// ---------------------------------------------------------------------------------------------------------
// Requests built from the document

/** Every property name the body schema documents, across union branches: the fuzzer aims at real fields. */
function documentedFields(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return [...new Set(branches.flatMap((branch) => Object.keys(branch.properties ?? {})))];
}

function bodySchemaOf(route: DocumentedRoute): JsonSchema | undefined {
  return route.operation.requestBody?.content["application/json"]?.schema;
}

/** A body object using the documented fields (some kept valid-looking), hostile values, maybe an unknown key. */
function fieldObject(route: DocumentedRoute): fc.Arbitrary<Record<string, unknown>> {
  const schema = bodySchemaOf(route);
  const fields = documentedFields(schema);
  if (fields.length === 0) return fc.dictionary(hostileString, hostileValue, { maxKeys: 3 });
  const valueFor = (field: string) => {
    const property = [schema, ...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])]
      .map((branch) => branch?.properties?.[field])
      .find(Boolean);
    return property?.enum?.length ? fc.oneof(fc.constantFrom(...property.enum), hostileValue) : hostileValue;
  };
  return fc
    .record(Object.fromEntries(fields.map((field) => [field, valueFor(field)])), { requiredKeys: [] })
    .chain((object) =>
      fc
        .option(fc.tuple(fc.constantFrom("__proto__", "unexpected", "constructor"), hostileValue), {
          nil: undefined,
        })
        .map((extra) => (extra ? { ...object, [extra[0]]: extra[1] } : object)),
    );
}

/**
 * Values the documented JSON schema accepts, so a request gets past the shape checks and into the handler
 * (zod refinements the document cannot express may still refuse it). Small on purpose: depth, not size.
 */
function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return fc.oneof(...branches.map(validValue));
  switch (schema.type) {
    case "string":
      return validString(schema);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1001) + 1;
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1001) - 1;
      return fc.integer({ min: Math.max(min, -1_000_000), max: Math.min(max, 1_000_000) });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const items = schema.items ? validValue(schema.items) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(items, { minLength, maxLength: Math.min(schema.maxItems ?? 3, minLength + 3) });
    }
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      return fc.record(Object.fromEntries(properties.map(([key, property]) => [key, validValue(property)])), {
        requiredKeys: schema.required ?? [],
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  const fits = (text: string) =>
    text.length >= min && text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  // zod publishes its own pattern beside most formats (its e-mail rule is stricter than RFC 5322): follow it.
  if (schema.pattern && schema.format !== "uri" && schema.format !== "url") {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  }
  switch (schema.format) {
    case "email":
      return fc.emailAddress().filter(fits);
    case "uuid":
      return fc.uuid();
    case "date-time":
      return fc
        .date({
          min: new Date("2020-01-01T00:00:00Z"),
          max: new Date("2030-01-01T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString());
    case "date":
      return fc
        .date({
          min: new Date("2020-01-01T00:00:00Z"),
          max: new Date("2030-01-01T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
    case "uri":
    case "url":
      // Loopback only: a fuzzed connection must never send the suite looking up hosts on the internet.
      return fc.constantFrom("http://127.0.0.1:1", "https://127.0.0.1:9/api", "http://localhost:2");
  }
  return fc.string({ minLength: min, maxLength: max, unit: "grapheme-ascii" });
}

/** A schema-valid body with, half the time, one field swapped for a hostile value. */
function nearlyValidBody(route: DocumentedRoute): fc.Arbitrary<unknown> {
  const schema = bodySchemaOf(route);
  if (!schema) return fc.constant({});
  return fc
    .tuple(validValue(schema), fc.option(fc.tuple(fc.nat(), hostileValue), { nil: undefined }))
    .map(([value, swap]) => {
      if (!swap || value === null || typeof value !== "object" || Array.isArray(value)) return value;
      const keys = Object.keys(value);
      const key = keys.length > 0 ? (keys[swap[0] % keys.length] as string) : "unexpected";
      return { ...value, [key]: swap[1] };
    });
}

type BodyInput = Pick<RouteRequest, "json" | "raw"> & { contentType?: string };

function bodyArbitrary(route: DocumentedRoute): fc.Arbitrary<BodyInput> {
  const json = "application/json";
  return fc.oneof(
    { weight: 8, arbitrary: nearlyValidBody(route).map((value): BodyInput => ({ json: value })) },
    { weight: 3, arbitrary: fieldObject(route).map((value): BodyInput => ({ json: value })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): BodyInput => ({ json: value })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...HOSTILE_JSON_TEXTS, ...NOT_JSON_TEXTS)
        .map((raw): BodyInput => ({ raw, contentType: json })),
    },
    { weight: 1, arbitrary: fc.constant<BodyInput>({ raw: INVALID_UTF8, contentType: json }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...WRONG_CONTENT_TYPES), fieldObject(route))
        .map(([contentType, value]): BodyInput => ({ raw: JSON.stringify(value), contentType })),
    },
    { weight: 1, arbitrary: fc.constant<BodyInput>({}) },
  );
}

/**
 * A path parameter as Next hands it over: percent-decoded UTF-8, so any character but a lone surrogate (the
 * URL decoder turns broken sequences into U+FFFD before a handler sees them).
 */
function pathValue(name: string, schema: JsonSchema, connectionIds: string[]): fc.Arbitrary<string> {
  return rawPathValue(name, schema, connectionIds).map((value) => value.toWellFormed());
}

function rawPathValue(name: string, schema: JsonSchema, connectionIds: string[]): fc.Arbitrary<string> {
  const valid = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern))
    : fc.constant(validSample(schema));
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    ...(name === "connectionId" && connectionIds.length > 0
      ? [{ weight: 6, arbitrary: fc.constantFrom(...connectionIds) }]
      : []),
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constant("a".repeat(10_000)) },
  );
}

/** A raw query string: documented and hostile keys, repeated keys, values encoded or not (`%ZZ` stays). */
function queryArbitrary(route: DocumentedRoute): fc.Arbitrary<string> {
  const documented = route.operation.parameters.filter((parameter) => parameter.in === "query");
  const key = fc.oneof(
    ...(documented.length > 0
      ? [{ weight: 4, arbitrary: fc.constantFrom(...documented.map((p) => p.name)) }]
      : []),
    {
      weight: 1,
      arbitrary: fc.constantFrom("__proto__", "constructor", "a[b]", "", "%00", "x".repeat(2_000)),
    },
  );
  const value = fc.oneof(
    ...documented.flatMap((parameter) =>
      parameter.schema.enum?.length ? [fc.constantFrom(...parameter.schema.enum.map(String))] : [],
    ),
    hostileString,
    fc.integer().map(String),
  );
  const pair = fc
    .tuple(key, value, fc.boolean())
    // encodeURIComponent throws on a lone surrogate; the URL parser (unencoded branch) takes it as U+FFFD.
    .map(([k, v, encode]) =>
      encode
        ? `${encodeURIComponent(k.toWellFormed())}=${encodeURIComponent(v.toWellFormed())}`
        : `${k}=${v}`,
    );
  const hostile = fc.array(pair, { maxLength: 8 }).map((pairs) => pairs.join("&"));
  if (documented.length === 0) return hostile;
  // Half the time a query the document accepts, so list filters, sorts and pages reach the vendor code.
  const valid = fc
    .record(Object.fromEntries(documented.map((p) => [p.name, validValue(p.schema)])), {
      requiredKeys: documented.filter((p) => p.required).map((p) => p.name),
    })
    .map((values) =>
      Object.entries(values)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v).toWellFormed())}`)
        .join("&"),
    );
  return fc.oneof(valid, hostile);
}

function requestArbitrary(route: DocumentedRoute, connectionIds: string[]): fc.Arbitrary<RouteRequest> {
  const pathParameters = route.operation.parameters.filter((parameter) => parameter.in === "path");
  const params = fc.record(
    Object.fromEntries(pathParameters.map((p) => [p.name, pathValue(p.name, p.schema, connectionIds)])),
  );
  // Writes without a body get one now and then too: it must be ignored, not tripped over. (A GET cannot carry
  // one at all: fetch refuses to build the request.)
  const none = fc.constant<BodyInput>({});
  const body = route.operation.requestBody
    ? bodyArbitrary(route)
    : route.method === "GET"
      ? none
      : fc.oneof({ weight: 4, arbitrary: none }, { weight: 1, arbitrary: bodyArbitrary(route) });
  return fc.record({ params, query: queryArbitrary(route), body }).map(
    ({ params, query, body }): RouteRequest => ({
      params,
      query,
      ...(body.json !== undefined && { json: body.json }),
      ...(body.raw !== undefined && { raw: body.raw }),
      headers: body.contentType === undefined ? {} : { "content-type": body.contentType },
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The property every answer must have

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

function describeRequest(request: RouteRequest): string {
  const text = JSON.stringify({
    ...request,
    raw: request.raw instanceof Uint8Array ? "<bytes>" : request.raw,
  });
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

async function withinTimeLimit<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${label} took over ${REQUEST_TIME_LIMIT_MS} ms`)),
      REQUEST_TIME_LIMIT_MS,
    );
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends the request and checks the answer: a success, or a 4xx with the JSON error shape; nothing else. */
async function expectHandled(
  route: DocumentedRoute,
  request: RouteRequest,
  credentials: Record<string, string>,
) {
  const label = `${route.method} ${route.path} ${describeRequest(request)}`;
  const response = await withinTimeLimit(
    invoke(route, { ...request, headers: { ...request.headers, ...credentials } }),
    label,
  );
  const text = await withinTimeLimit(response.text(), label);
  expect(response.status, `${label} → ${text.slice(0, 400)}`).toBeLessThan(500);
  if (response.status < 400) {
    expect(response.status, label).toBeGreaterThanOrEqual(200);
    return;
  }
  expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code, label).toMatch(/^[a-z_]+$/);
  expect(body.error.message, label).toEqual(expect.any(String));
  if (body.error.details !== undefined) expect(Array.isArray(body.error.details), label).toBe(true);
}

// ---------------------------------------------------------------------------------------------------------

const simulators: RunningSimulator[] = [];
const connectionIdsByKind = new Map<string, string>();
let adminToken = "";
let adminCookie = "";
/** An admin's token, or an admin's session where the operation refuses tokens (people and tokens). */
const adminFor = (route: DocumentedRoute) =>
  route.operation["x-api-tokens"] ? bearer(adminToken) : sessionHeaders(adminCookie);
let db: Database;
/**
 * The wrapper logs `[api]` before a 500 and `[audit]` when an audit row could not be written: neither may
 * happen behind any answer, even a 4xx (a lost audit row is invisible in the status).
 */
let logs: ReturnType<typeof captureLogs>;

/** The connections of the vendor the path belongs to (`/kerio/…` fits the three Kerio kinds). */
function connectionIdsFor(route: DocumentedRoute): string[] {
  const vendor = route.path.split("/")[3] ?? "";
  return [...connectionIdsByKind].filter(([kind]) => kind.startsWith(vendor)).map(([, id]) => id);
}

beforeAll(async () => {
  // Every request's log line is kept in memory; an error-level line is a 500 or a lost audit row.
  logs = captureLogs();
  db = await freshDatabase();
  installFileConnections([]);
  adminToken = await apiTokenFor(db, "admin");
  const admin = await userWithSession(db, "admin");
  // Enrolled, so a two-factor requirement set by a fuzzed request cannot hold the admin up.
  await startEnrolment(db, admin.user);
  await db.update(userSecondFactors).set({ confirmedAt: new Date() });
  adminCookie = admin.cookie;
  const create = routes.find((route) => route.method === "POST" && route.path === "/api/v1/connections");
  if (!create) throw new Error("createConnection is not in the document");
  for (const kind of CONNECTION_KINDS) {
    const simulator = await startSmallSimulator(kind, false);
    simulators.push(simulator);
    const response = await invoke(create, { json: connectionFor(simulator), headers: bearer(adminToken) });
    if (response.status !== 201)
      throw new Error(`Could not create the ${kind} connection: ${await response.text()}`);
    connectionIdsByKind.set(kind, ((await response.json()) as { id: string }).id);
  }
}, 60_000);

afterAll(async () => {
  logs.restore();
  await Promise.all(simulators.map((simulator) => simulator.close()));
});

describe("every operation survives random and hostile input", () => {
  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route, connectionIdsFor(route)), (request) =>
          expectHandled(route, request, adminFor(route)),
        ),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
    });
  }
});

describe("every operation that takes a body refuses the hostile classics with a 4xx", () => {
  const oversize = `{"pad":"${"x".repeat(MAX_JSON_BODY_BYTES)}"}`;
  for (const route of routes.filter((candidate) => candidate.operation.requestBody)) {
    it(`${route.method} ${route.path}`, async () => {
      const params = Object.fromEntries(
        route.operation.parameters
          .filter((parameter) => parameter.in === "path")
          .map((parameter) => [
            parameter.name,
            parameter.name === "connectionId"
              ? (connectionIdsFor(route)[0] ?? "")
              : validSample(parameter.schema),
          ]),
      );
      const json = { "content-type": "application/json" };
      const cases: RouteRequest[] = [
        { raw: oversize, headers: json },
        { raw: "{}", headers: { ...json, "content-length": String(MAX_JSON_BODY_BYTES + 1) } },
        { raw: deep(100_000), headers: json },
        { raw: INVALID_UTF8, headers: json },
        { raw: '{"__proto__":{"polluted":true}}', headers: json },
        { raw: "\u0000", headers: json },
        { json: {}, headers: { "content-type": "text/plain" } },
      ];
      for (const request of cases) await expectHandled(route, { ...request, params }, adminFor(route));
      const oversized = await invoke(route, {
        raw: oversize,
        params,
        headers: { ...json, ...adminFor(route) },
      });
      expect(oversized.status).toBe(413);
    });
  }
});

describe("hostile credentials are refused as such", () => {
  // A header value is a byte string without control characters: anything else fetch refuses to send at all.
  const headerText = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  });
  const cookieName = fc.constantFrom(
    "next-auth.session-token",
    "__Secure-next-auth.session-token",
    "next-auth.session-token.0",
    "next-auth.session-token.1",
    "next-auth.session-token.x",
    "other",
  );
  const cookieHeader = fc
    .array(
      fc.tuple(cookieName, fc.oneof(headerText, fc.constantFrom("%", "%E0%A4%A", "e30", "x".repeat(8_000)))),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .map((pairs) => pairs.map(([name, value]) => `${name}=${value.replaceAll(";", "")}`).join("; "));
  const authorization = fc.oneof(
    headerText,
    headerText.map((token) => `Bearer ${token}`),
    headerText.map((token) => `Bearer oc_${token}`),
    fc.constantFrom("Bearer", "Bearer  ", "bearer oc_", `Bearer oc_${"a".repeat(10_000)}`),
  );

  for (const [method, path] of [
    ["GET", "/api/v1/users"],
    ["POST", "/api/v1/users"],
  ] as const) {
    it(`${method} ${path}: any session cookie that is not one is 401 unauthenticated, any bad token 401 invalid_token`, async () => {
      const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
      if (!route) throw new Error(`${method} ${path} is not in the document`);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            cookieHeader.map((cookie) => ({ cookie })),
            authorization.map((value) => ({ authorization: value })),
          ),
          async (headers) => {
            const response = await withinTimeLimit(
              invoke(route, { headers }),
              `${method} ${path} ${JSON.stringify(headers).slice(0, 200)}`,
            );
            expect(response.status).toBe(401);
            const body = (await response.json()) as ErrorBody;
            expect(body.error.code).toBe("authorization" in headers ? "invalid_token" : "unauthenticated");
          },
        ),
        { numRuns: 40, seed: SEED },
      );
    });
  }
});

describe("what the fuzzing found stays fixed", () => {
  const find = (method: string, path: string) => {
    const found = routes.find((route) => route.method === method && route.path === path);
    if (!found) throw new Error(`${method} ${path} is not in the document`);
    return found;
  };

  it("refuses a NUL character in a field by name, instead of a database 500", async () => {
    const response = await invoke(find("POST", "/api/v1/users"), {
      json: { email: "nul@test.local", name: "a\u0000b", role: "viewer", password: "a long test passphrase" },
      headers: adminFor(find("POST", "/api/v1/users")),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual([{ field: "name", message: expect.stringContaining("NUL") }]);
  });

  it("refuses a lone surrogate, which created the token but lost its audit row (jsonb refuses it)", async () => {
    const before = await db.select().from(auditEvents);
    const response = await invoke(find("POST", "/api/v1/api-tokens"), {
      json: { name: "\ud800", role: "viewer", expiresInDays: 1 },
      headers: adminFor(find("POST", "/api/v1/api-tokens")),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.details).toEqual([
      { field: "name", message: expect.stringContaining("unpaired surrogate") },
    ]);
    const rows = await db.select().from(auditEvents);
    expect(rows.filter((row) => !before.some((old) => old.id === row.id))).toEqual([
      expect.objectContaining({ action: "api-tokens.create", result: "failure" }),
    ]);
  });

  it("refuses an audit time the database cannot compare with (year 0), for the list and the export", async () => {
    for (const path of ["/api/v1/audit-events", "/api/v1/audit-events/export"]) {
      const response = await invoke(find("GET", path), {
        query: `to=${encodeURIComponent("0000-02-29T14:08:21+22:33")}`,
        headers: adminFor(find("GET", path)),
      });
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as ErrorBody).error.message, path).toContain(
        "between the years 1 and 9999",
      );
    }
  });

  it("refuses a NUL character in a search filter", async () => {
    const response = await invoke(find("GET", "/api/v1/audit-events"), {
      query: "actor=%00",
      headers: adminFor(find("GET", "/api/v1/audit-events")),
    });
    expect(response.status).toBe(400);
  });

  it("keeps the audit row of a refused write whose body is a NUL character", async () => {
    const before = await db.select().from(auditEvents);
    const response = await invoke(find("POST", "/api/v1/api-tokens"), {
      raw: "\u0000",
      params: {},
      headers: { "content-type": "application/json", ...adminFor(find("POST", "/api/v1/api-tokens")) },
    });
    expect(response.status).toBe(400);
    const rows = await db.select().from(auditEvents);
    const added = rows.filter((row) => !before.some((old) => old.id === row.id));
    expect(added).toEqual([expect.objectContaining({ action: "api-tokens.create", result: "failure" })]);
    // The refusal says where the JSON breaks, and no longer quotes the body (nor its NUL) into the record.
    expect(added[0]?.vendorError).toBe(
      "The body is not valid JSON: unexpected character at line 1, column 1 (character 1).",
    );
  });

  it("answers a KalliopePBX call id from the far future with a 404, not a date error", async () => {
    const [connectionId] = connectionIdsFor(find("GET", "/api/v1/kalliope/{connectionId}/calls/{callId}"));
    const response = await invoke(find("GET", "/api/v1/kalliope/{connectionId}/calls/{callId}"), {
      params: { connectionId: connectionId ?? "", callId: "521471107720" },
      headers: adminFor(find("GET", "/api/v1/kalliope/{connectionId}/calls/{callId}")),
    });
    expect(response.status).toBe(404);
  });

  it("refuses ?__proto__= as an unknown field instead of swapping the query object's prototype", async () => {
    const response = await invoke(find("GET", "/api/v1/audit-events"), {
      query: "__proto__=a&__proto__=b",
      headers: adminFor(find("GET", "/api/v1/audit-events")),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toContain("Unknown field: __proto__");
  });
});

describe("after all of it", () => {
  it("logged no 500 and lost no audit row", () => {
    expect(logs.lines.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
  });

  it("planted nothing on Object.prototype", () => {
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// The shared zod input schemas on their own: fast enough for many runs, and any value at all.

describe("the shared input schemas", () => {
  const anyValue = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });
  const schemas = (OPERATIONS as readonly Operation[]).flatMap((operation) =>
    (["params", "query", "body"] as const).flatMap((where) => {
      const schema = operation[where];
      return schema ? [{ name: `${operation.operationId} ${where}`, schema, where }] : [];
    }),
  );

  it.each(schemas)(
    "$name refuses any value with a 400 that names the problem, or accepts it",
    ({ schema, where }) => {
      fc.assert(
        fc.property(fc.oneof(anyValue, hostileValue), (value) => {
          try {
            parseWith(schema, value, where === "params" ? "path" : where);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).status).toBe(400);
            expect((error as ApiError).message).toMatch(/^Invalid /);
          }
        }),
        { numRuns: 150, seed: SEED },
      );
    },
  );

  it("reads any query string into plain string values, prototype keys included", () => {
    const rawQuery = fc.array(fc.tuple(fc.oneof(hostileString, fc.constant("__proto__")), hostileString), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(rawQuery, (pairs) => {
        const url = new URL("http://console.test/");
        for (const [key, value] of pairs) url.searchParams.append(key, value);
        const query = queryObject(url);
        expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
        // Every key the client sent is an own key, so the schema sees it (and refuses the unknown ones).
        expect(Object.keys(query).sort()).toEqual([...new Set(url.searchParams.keys())].sort());
        for (const value of Object.values(query)) {
          expect(
            typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string")),
          ).toBe(true);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
