import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { defineOperation } from "./operation";
import { RoleSchema } from "./users";

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string().describe("The token's first characters, to tell tokens apart"),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso
    .datetime()
    .describe(
      "When the token stops working: its own expiry, capped at creation + the console's maximum lifetime",
    ),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1, msg`Name the token after the script that uses it`).max(80),
  role: RoleSchema,
  expiresInDays: z
    .int(msg`Whole days only: every token expires`)
    .min(1, msg`At least 1 day`)
    .max(3650, msg`At most 3650 days`)
    .describe(
      "Days until the token stops working. The console's maximum (API_TOKEN_MAX_LIFETIME_DAYS, 365 unless set) is enforced with a 400 naming it",
    ),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe("The secret, shown only in this response: store it now"),
});

export const listApiTokens = defineOperation({
  operationId: "listApiTokens",
  summary: "List API tokens (never their secrets)",
  tag: "API tokens",
  permission: "tokens.manage",
  allowTokens: false,
  response: z.object({ items: z.array(ApiTokenSchema) }),
});

export const createApiToken = defineOperation({
  operationId: "createApiToken",
  summary: "Create an API token with a role; the secret is returned once",
  tag: "API tokens",
  permission: "tokens.manage",
  allowTokens: false,
  body: CreateApiTokenSchema,
  response: CreatedApiTokenSchema,
  successStatus: 201,
  audit: { action: "api-tokens.create", resource: "api-token" },
});

export const revokeApiToken = defineOperation({
  operationId: "revokeApiToken",
  summary: "Revoke an API token (effective immediately)",
  tag: "API tokens",
  permission: "tokens.manage",
  allowTokens: false,
  params: z.strictObject({ id: z.uuid(msg`The token id must be a UUID`) }),
  response: ApiTokenSchema,
  audit: { action: "api-tokens.revoke", resource: "api-token" },
});
