import { type APIRequestContext, expect, test } from "@playwright/test";
import { can, PERMISSIONS, type Permission, ROLES, type Role } from "@/lib/permissions";
import { signIn } from "./sign-in";

const SOME_ID = "00000000-0000-4000-8000-000000000000";

interface PublishedOperation {
  method: string;
  path: string;
  operationId: string;
  permission: Permission;
  /** false: API tokens are refused whatever their role (people and tokens are managed by people). */
  allowsTokens: boolean;
  hasBody: boolean;
}

/** Every operation as the running server publishes it: the matrix covers what a client can discover. */
async function publishedOperations(request: APIRequestContext): Promise<PublishedOperation[]> {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as {
    paths: Record<
      string,
      Record<
        string,
        { operationId: string; "x-permission": string; "x-api-tokens": boolean; requestBody?: unknown }
      >
    >;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const permission = operation["x-permission"];
      expect(PERMISSIONS as readonly string[], `${operation.operationId} x-permission`).toContain(permission);
      return {
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId,
        permission: permission as Permission,
        allowsTokens: operation["x-api-tokens"],
        hasBody: operation.requestBody !== undefined,
      };
    }),
  );
}

/**
 * The access matrix over HTTP, read from `/api/v1/openapi.json`: every published operation × every role's API
 * token, a revoked token, and no token at all. An allowed call may still fail validation (it gets an empty
 * body and a made-up id), but never 401 or 403; a refused one is 403 before its input is even read. (The exact
 * status of every cell, expired tokens and sessions are checked in process: testing/access-matrix.integration.test.ts.)
 */
test("every published operation answers each role's token as the permission table and its token rule say", async ({
  page,
  request,
}) => {
  await signIn(page, "admin");
  const createToken = async (role: Role) => {
    const response = await page.request.post("/api/v1/api-tokens", {
      data: { name: `matrix ${role}`, role, expiresInDays: 1 },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; token: string };
  };
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await createToken(role)).token;
  const revoked = await createToken("admin");
  expect((await page.request.delete(`/api/v1/api-tokens/${revoked.id}`)).status()).toBe(200);

  const operations = await publishedOperations(request);
  expect(operations.length).toBeGreaterThan(50);

  for (const operation of operations) {
    const url = operation.path.replace(/\{\w+\}/g, SOME_ID);
    const send = (headers: Record<string, string>) =>
      request.fetch(url, {
        method: operation.method,
        headers: { ...headers, ...(operation.hasBody && { "content-type": "application/json" }) },
        ...(operation.hasBody && { data: {} }),
      });

    const anonymous = await send({});
    expect(anonymous.status(), `${operation.operationId} without a token`).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");

    const afterRevoke = await send({ authorization: `Bearer ${revoked.token}` });
    expect(afterRevoke.status(), `${operation.operationId} with a revoked token`).toBe(401);
    expect((await afterRevoke.json()).error.code).toBe("invalid_token");

    for (const role of ROLES) {
      const response = await send({ authorization: `Bearer ${tokens[role]}` });
      const label = `${operation.operationId} as ${role}`;
      if (!operation.allowsTokens) {
        expect(response.status(), label).toBe(403);
        expect((await response.json()).error.code, label).toBe("token_not_allowed");
      } else if (can(role, operation.permission)) {
        expect([401, 403], label).not.toContain(response.status());
        expect(response.status(), label).toBeLessThan(500);
      } else {
        expect(response.status(), label).toBe(403);
      }
    }
  }
});
