import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { MAIL_REMOVAL_MODES, MAIL_USER_SORTS } from "@/lib/kerio-connect-vocabulary";
import { ConnectionIdSchema } from "./connections";
import { defineOperation } from "./operation";

/**
 * Kerio Connect mail users (issue 9). The console's vocabulary (enabled, removal mode) is translated to Kerio's
 * (isEnabled, UDeleteUser/UDeleteFolder) in `lib/server/vendors/kerio/connect-users.ts`, never here.
 */

const ConnectionParams = z.strictObject({ connectionId: ConnectionIdSchema });
export const MailUserParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  userId: z.string().min(1).max(300).describe("Kerio user id (keriodb://user/...), URL-encoded"),
});

const loginName = z
  .string({ error: msg`Enter the login name` })
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    msg`Letters, digits and . _ - only, starting with a letter or digit`,
  )
  .describe("The part before @ of the mail address");
const fullName = z.string().trim().max(255, msg`At most 255 characters`);

export const MailDomainSchema = z.object({ id: z.string(), name: z.string() });
export type MailDomainDto = z.infer<typeof MailDomainSchema>;

export const MailUserSchema = z.object({
  id: z.string(),
  domainId: z.string(),
  loginName: z.string(),
  fullName: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  consumedBytes: z.number().nullable().describe("Mailbox size; null when Kerio did not say"),
});
export type MailUserDto = z.infer<typeof MailUserSchema>;

export const ListMailUsersQuery = z.strictObject({
  domainId: z.string().min(1, msg`Choose a domain`).describe("Kerio domain id from listMailDomains"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(MAIL_USER_SORTS).default("loginName"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  q: z.string().trim().max(100).optional().describe("Quick search over login name, full name, description"),
});
export type ListMailUsersInput = z.infer<typeof ListMailUsersQuery>;

export const MailUserPageSchema = z.object({
  items: z.array(MailUserSchema),
  totalItems: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type MailUserPageDto = z.infer<typeof MailUserPageSchema>;

export const CreateMailUserSchema = z.strictObject({
  domainId: z.string().min(1, msg`Choose a domain`),
  loginName,
  fullName: fullName.default(""),
  password: z.string({ error: msg`Enter a password` }).min(1, msg`Enter a password`).max(256),
  enabled: z.boolean().default(true),
});
export type CreateMailUserInput = z.input<typeof CreateMailUserSchema>;

export const UpdateMailUserSchema = z.strictObject({
  enabled: z.boolean().optional().describe("false disables the account (mail is still received)"),
  fullName: fullName.optional(),
});
export type UpdateMailUserInput = z.infer<typeof UpdateMailUserSchema>;

export const RemoveMailUserQuery = z.strictObject({
  mode: z
    .enum(MAIL_REMOVAL_MODES)
    .describe("deleteMailbox: the messages go too; keepFolder: the folder stays"),
  confirm: z
    .string()
    .trim()
    .min(1, msg`Type the login name to confirm`)
    .describe("Must equal the login name"),
});
export type RemoveMailUserInput = z.infer<typeof RemoveMailUserQuery>;

const TAG = "Kerio Connect";

export const listMailDomains = defineOperation({
  operationId: "listMailDomains",
  summary: "The mail domains of a Kerio Connect server",
  tag: TAG,
  permission: "mail.read",
  params: ConnectionParams,
  response: z.object({ items: z.array(MailDomainSchema) }),
});

export const listMailUsers = defineOperation({
  operationId: "listMailUsers",
  summary: "A page of one domain's users, sorted and searched on the server",
  tag: TAG,
  permission: "mail.read",
  params: ConnectionParams,
  query: ListMailUsersQuery,
  response: MailUserPageSchema,
});

export const createMailUser = defineOperation({
  operationId: "createMailUser",
  summary: "Create a mail user; Kerio's per-user refusal (e.g. the licence's user limit) is the error",
  tag: TAG,
  permission: "mail.write",
  params: ConnectionParams,
  body: CreateMailUserSchema,
  response: MailUserSchema,
  successStatus: 201,
  audit: { action: "mail-users.create", resource: "mail-user" },
});

export const updateMailUser = defineOperation({
  operationId: "updateMailUser",
  summary: "Enable, disable or rename a mail user",
  tag: TAG,
  permission: "mail.write",
  params: MailUserParams,
  body: UpdateMailUserSchema,
  response: MailUserSchema,
  audit: { action: "mail-users.update", resource: "mail-user" },
});

export const removeMailUser = defineOperation({
  operationId: "removeMailUser",
  summary: "Remove a mail user, deleting the mailbox or keeping its folder; confirmed by login name",
  tag: TAG,
  permission: "mail.write",
  params: MailUserParams,
  query: RemoveMailUserQuery,
  response: MailUserSchema,
  audit: { action: "mail-users.remove", resource: "mail-user" },
});
