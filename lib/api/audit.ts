import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { defineOperation } from "./operation";

export const AuditResultSchema = z.enum(["success", "failure", "denied"]);

export const AuditEventSchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string().describe("Email of the person, or token:<name> for an API token"),
  actorRole: z.string().nullable(),
  action: z.string().describe("e.g. auth.sign-in, users.create, extensions.delete"),
  targetConnection: z.string().nullable(),
  targetResource: z.string().nullable(),
  targetId: z.string().nullable(),
  input: z.record(z.string(), z.unknown()).nullable().describe("What was sent, with secrets redacted"),
  result: AuditResultSchema,
  vendorError: z.string().nullable(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof AuditEventSchema>;

/**
 * An ISO date-time the database can compare with: PostgreSQL has no year 0, and JavaScript writes years past
 * 9999 in a form PostgreSQL does not read.
 */
const auditTime = (name: string) =>
  z.iso.datetime({ offset: true, error: msg`${name} must be an ISO date-time` }).refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }, `${name} must fall between the years 1 and 9999 (in UTC)`);

/** Filters shared by the list, the export and the admin page's URL. */
export const AuditFilterSchema = z.strictObject({
  actor: z.string().trim().max(254).optional().describe("Actor contains (case-insensitive)"),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("Action starts with, e.g. `users.` or `auth.sign-in`"),
  target: z.string().trim().max(200).optional().describe("Target connection, resource or id contains"),
  result: AuditResultSchema.optional(),
  from: auditTime("from").optional(),
  to: auditTime("to").optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditListQuerySchema = AuditFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const listAuditEvents = defineOperation({
  operationId: "listAuditEvents",
  summary: "Page through the audit log, newest first",
  tag: "Audit",
  permission: "audit.read",
  query: AuditListQuerySchema,
  response: z.object({
    items: z.array(AuditEventSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});

export const exportAuditEvents = defineOperation({
  operationId: "exportAuditEvents",
  summary: "Download every audit event matching the filters as CSV (streamed)",
  tag: "Audit",
  permission: "audit.read",
  query: AuditFilterSchema,
  response: "csv",
});
