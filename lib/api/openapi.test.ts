import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { OPERATIONS } from "./operations";

const API_ROOT = path.join(process.cwd(), "app/api/v1");

/** Every route.ts under app/api/v1 with the HTTP methods it exports, as an OpenAPI path. */
function routeFiles(dir = API_ROOT): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map(
      (m) => m[1] as string,
    );
    const apiPath = `/api/v1/${path.relative(API_ROOT, path.dirname(full))}`.replace(/\[(\w+)\]/g, "{$1}");
    return [{ path: apiPath, methods }];
  });
}

describe("OpenAPI document", () => {
  const document = openApiDocument();

  it("is OpenAPI 3.1 with unique operation ids", () => {
    expect(document.openapi).toBe("3.1.0");
    const ids = OPERATIONS.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("publishes the foundation's operation ids", () => {
    const ids = OPERATIONS.map((operation) => operation.operationId);
    for (const id of [
      "listUsers",
      "createUser",
      "updateUser",
      "revokeUserSessions",
      "createApiToken",
      "listApiTokens",
      "revokeApiToken",
      "listAuditEvents",
      "exportAuditEvents",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("documents every BFF route handler, and documents nothing that has no handler", () => {
    const handlers = routeFiles()
      .filter((route) => route.path !== "/api/v1/openapi.json")
      .flatMap((route) => route.methods.map((method) => `${method} ${route.path}`))
      .sort();
    const documented = OPERATIONS.map((operation) => `${operation.method} ${operation.path}`).sort();
    expect(handlers).toEqual(documented);
  });

  it("describes bodies and parameters from the zod schemas", () => {
    const create = document.paths["/api/v1/users"]?.post as {
      requestBody: {
        content: { "application/json": { schema: { required: string[]; additionalProperties: boolean } } };
      };
    };
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["email", "name", "role", "password"]);
    expect(schema.additionalProperties).toBe(false);
    const update = document.paths["/api/v1/users/{id}"]?.patch as {
      parameters: { name: string; in: string }[];
    };
    expect(update.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path" }));
  });
});
