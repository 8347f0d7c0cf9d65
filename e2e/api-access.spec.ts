import { expect, test } from "@playwright/test";
import { OPERATIONS } from "@/lib/api/operations";
import { can, ROLES, type Role } from "@/lib/permissions";
import { signIn } from "./sign-in";

const SOME_ID = "00000000-0000-4000-8000-000000000000";

/**
 * The access matrix over HTTP: every published operation × every role's API token, plus no token at all.
 * An allowed call may still fail validation (it gets an empty body and a made-up id), but never 401 or 403;
 * a refused one is 403 before its input is even read.
 */
test("every operation answers each role's token exactly as the permission table says", async ({
  page,
  request,
}) => {
  await signIn(page, "admin");
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const response = await page.request.post("/api/v1/api-tokens", {
      data: { name: `matrix ${role}`, role, expiresInDays: 1 },
    });
    expect(response.status()).toBe(201);
    tokens[role] = (await response.json()).token;
  }

  for (const operation of OPERATIONS) {
    const url = operation.path.replace(/\{\w+\}/g, SOME_ID);
    const send = (headers: Record<string, string>) =>
      request.fetch(url, {
        method: operation.method,
        headers: { ...headers, ...(operation.body && { "content-type": "application/json" }) },
        ...(operation.body && { data: {} }),
      });

    const anonymous = await send({});
    expect(anonymous.status(), `${operation.operationId} without a token`).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");

    for (const role of ROLES) {
      const response = await send({ authorization: `Bearer ${tokens[role]}` });
      const label = `${operation.operationId} as ${role}`;
      if (can(role, operation.permission)) {
        expect([401, 403], label).not.toContain(response.status());
        expect(response.status(), label).toBeLessThan(500);
      } else {
        expect(response.status(), label).toBe(403);
      }
    }
  }
});
