import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { EXTENSION_SORTS } from "@/lib/kerio-extensions-vocabulary";
import { ConnectionIdSchema } from "./connections";
import { defineOperation } from "./operation";

/**
 * Kerio Operator extensions: one schema per shape serves the forms, the route handlers and the OpenAPI
 * document. The console's vocabulary (number, owner) is translated to Kerio's (telNum, userGuid) in
 * `lib/server/vendors/kerio/operator-extensions.ts`, never here.
 */

export const ExtensionNumberSchema = z
  .string({ error: msg`Enter the extension number` })
  .trim()
  .regex(/^[0-9]{1,10}$/, msg`An extension number is 1–10 digits`)
  .describe("The extension number, e.g. 1042");

const description = z
  .string()
  .trim()
  .max(255, msg`At most 255 characters`)
  .describe("Shown in the directory");
const sipUsername = z
  .string()
  .trim()
  .min(1, msg`Enter a SIP user name or leave it out`)
  .max(64, msg`At most 64 characters`)
  .regex(/^[A-Za-z0-9._@-]+$/, msg`Letters, digits and . _ @ - only`)
  .describe("SIP registration user name (defaults to the number)");
const callPermission = z
  .int("Choose a call permission")
  .min(0)
  .max(3)
  .describe("0 internal only, 1 local (default), 2 national, 3 international");
const ownerGuid = z.int().positive().nullable().describe("Kerio user guid of the owner; null for none");

export const ExtensionParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  number: ExtensionNumberSchema,
});
export const ExtensionConnectionParams = z.strictObject({ connectionId: ConnectionIdSchema });

export const ListExtensionsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1).describe("1-based page"),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(EXTENSION_SORTS).default("number"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  q: z.string().trim().max(100).optional().describe("Quick search over number, SIP user, description, owner"),
});
export type ListExtensionsInput = z.infer<typeof ListExtensionsQuery>;

export const ExtensionLineSchema = z.object({
  guid: z.int(),
  sipUsername: z.string(),
  registered: z.boolean(),
});

export const ExtensionSchema = z.object({
  guid: z.int(),
  number: z.string(),
  description: z.string(),
  sipUsername: z
    .string()
    .nullable()
    .describe("null for a multi-registration group (its lines have one each)"),
  registered: z.boolean().nullable().describe("null for a group: see its lines"),
  multiRegistration: z.boolean(),
  lines: z.array(ExtensionLineSchema).describe("The registrations of a multi-registration group"),
  callPermission: z.int(),
  owner: z.object({ guid: z.int(), username: z.string(), fullName: z.string() }).nullable(),
});
export type ExtensionDto = z.infer<typeof ExtensionSchema>;

export const ExtensionPageSchema = z.object({
  items: z.array(ExtensionSchema),
  totalItems: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type ExtensionPageDto = z.infer<typeof ExtensionPageSchema>;

export const CreateExtensionSchema = z.strictObject({
  number: ExtensionNumberSchema,
  description: description.default(""),
  sipUsername: sipUsername.optional(),
  callPermission: callPermission.default(1),
  ownerGuid: ownerGuid.default(null),
  // Sent on every create: some Operator builds refuse a create without the full detail (notes §4.2).
  natSupport: z.boolean().default(false).describe("The phone sits behind NAT (Kerio's natSupport)"),
  recordInbound: z.boolean().default(false).describe("Record calls to this extension"),
  recordOutbound: z.boolean().default(false).describe("Record calls from this extension"),
});
export type CreateExtensionInput = z.input<typeof CreateExtensionSchema>;

export const UpdateExtensionSchema = z.strictObject({
  description: description.optional(),
  sipUsername: sipUsername.optional(),
  callPermission: callPermission.optional(),
  ownerGuid: ownerGuid.optional(),
  regenerateSipPassword: z.boolean().optional().describe("Issue a new SIP password; it is shown once"),
});
export type UpdateExtensionInput = z.infer<typeof UpdateExtensionSchema>;

export const ExtensionWriteResultSchema = z.object({
  extension: ExtensionSchema,
  sipPassword: z.string().nullable().describe("The new SIP password, shown once; null when unchanged"),
});
export type ExtensionWriteResultDto = z.infer<typeof ExtensionWriteResultSchema>;

export const NextNumberSchema = z.object({
  number: z.string(),
  source: z.enum(["kerio", "computed"]).describe("computed: the appliance lacks getNextValidNumber"),
});

export const OwnerSchema = z.object({ guid: z.int(), username: z.string(), fullName: z.string() });
export type OwnerDto = z.infer<typeof OwnerSchema>;

export const ImportExtensionsSchema = z.strictObject({
  rows: z
    .array(CreateExtensionSchema)
    .min(1, msg`The file has no rows`)
    .max(1000, msg`At most 1,000 rows per import`),
});
export const ImportResultSchema = z.object({
  results: z.array(
    z.object({
      row: z.int().describe("0-based index into rows"),
      number: z.string(),
      ok: z.boolean(),
      message: z.string().nullable(),
      field: z.string().nullable(),
      sipPassword: z.string().nullable(),
    }),
  ),
});
export type ImportResultDto = z.infer<typeof ImportResultSchema>;

const TAG = "Kerio Operator";

export const listExtensions = defineOperation({
  operationId: "listExtensions",
  summary: "A page of extensions, sorted and searched on the PBX",
  tag: TAG,
  permission: "extensions.read",
  params: ExtensionConnectionParams,
  query: ListExtensionsQuery,
  response: ExtensionPageSchema,
});

export const getNextExtensionNumber = defineOperation({
  operationId: "getNextExtensionNumber",
  summary: "The next free extension number, to prefill the create form",
  tag: TAG,
  permission: "extensions.read",
  params: ExtensionConnectionParams,
  response: NextNumberSchema,
});

export const listExtensionOwners = defineOperation({
  operationId: "listExtensionOwners",
  summary: "PBX users that can own an extension",
  tag: TAG,
  permission: "extensions.read",
  params: ExtensionConnectionParams,
  response: z.object({ items: z.array(OwnerSchema) }),
});

export const getExtension = defineOperation({
  operationId: "getExtension",
  summary: "One extension by number",
  tag: TAG,
  permission: "extensions.read",
  params: ExtensionParams,
  response: ExtensionSchema,
});

export const createExtension = defineOperation({
  operationId: "createExtension",
  summary: "Create an extension; the generated SIP password is returned once",
  tag: TAG,
  permission: "extensions.write",
  params: ExtensionConnectionParams,
  body: CreateExtensionSchema,
  response: ExtensionWriteResultSchema,
  successStatus: 201,
  audit: { action: "extensions.create", resource: "extension" },
});

export const updateExtension = defineOperation({
  operationId: "updateExtension",
  summary: "Change an extension or regenerate its SIP password",
  tag: TAG,
  permission: "extensions.write",
  params: ExtensionParams,
  body: UpdateExtensionSchema,
  response: ExtensionWriteResultSchema,
  audit: { action: "extensions.update", resource: "extension" },
});

export const deleteExtension = defineOperation({
  operationId: "deleteExtension",
  summary: "Delete an extension (all lines of a multi-registration group)",
  tag: TAG,
  permission: "extensions.write",
  params: ExtensionParams,
  response: ExtensionSchema,
  audit: { action: "extensions.delete", resource: "extension" },
});

export const importExtensions = defineOperation({
  operationId: "importExtensions",
  summary: "Create many extensions; every row gets its own result",
  tag: TAG,
  permission: "extensions.write",
  params: ExtensionConnectionParams,
  body: ImportExtensionsSchema,
  response: ImportResultSchema,
  audit: { action: "extensions.import", resource: "extension" },
});
