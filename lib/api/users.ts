import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { ROLES } from "@/lib/permissions";
import { defineOperation } from "./operation";

export const RoleSchema = z
  .enum(ROLES)
  .describe("admin: everything; operator: read and write vendor data; viewer: read only");

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
  twoFactor: z.boolean().describe("Signs in with a second factor (TOTP)"),
});
export type UserDto = z.infer<typeof UserSchema>;

const email = z.email(msg`Enter a valid email address`).max(254).describe("Sign-in email, unique");
const name = z.string().trim().min(1, msg`Enter a name`).max(120).describe("Display name");
const password = z
  .string()
  .min(1, msg`Enter a password`)
  .max(256)
  .describe("At least 12 characters, not a common password");

export const CreateUserSchema = z.strictObject({ email, name, role: RoleSchema, password });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .strictObject({
    name: name.optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional().describe("Disabling ends the user's sessions at their next request"),
    password: password.optional().describe("Resets the password and ends the user's other sessions"),
  })
  .refine((value) => Object.keys(value).length > 0, msg`Send at least one of name, role, disabled, password`);
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const UserIdParams = z.strictObject({ id: z.uuid(msg`The user id must be a UUID`) });

export const listUsers = defineOperation({
  operationId: "listUsers",
  summary: "List console users",
  tag: "Users",
  permission: "users.manage",
  allowTokens: false,
  response: z.object({ items: z.array(UserSchema) }),
});

export const createUser = defineOperation({
  operationId: "createUser",
  summary: "Create a console user",
  tag: "Users",
  permission: "users.manage",
  allowTokens: false,
  body: CreateUserSchema,
  response: UserSchema,
  successStatus: 201,
  audit: { action: "users.create", resource: "user" },
});

export const updateUser = defineOperation({
  operationId: "updateUser",
  summary: "Change a user's name or role, disable or re-enable them, or reset their password",
  tag: "Users",
  permission: "users.manage",
  allowTokens: false,
  params: UserIdParams,
  body: UpdateUserSchema,
  response: UserSchema,
  audit: { action: "users.update", resource: "user" },
});

export const revokeUserSessions = defineOperation({
  operationId: "revokeUserSessions",
  summary: "Sign a user out everywhere (their sessions end at their next request)",
  tag: "Users",
  permission: "users.manage",
  allowTokens: false,
  params: UserIdParams,
  response: UserSchema,
  audit: { action: "users.revoke-sessions", resource: "user" },
});
