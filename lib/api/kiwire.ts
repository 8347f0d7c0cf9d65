import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { HOTSPOT_USER_SORTS, KIWIRE_STATUSES } from "@/lib/kiwire-vocabulary";
import { ConnectionIdSchema, VoucherQrSchema } from "./connections";
import { defineOperation } from "./operation";

/**
 * Kiwire hotspot users, vouchers, profiles, NAS and login history. Kiwire's v2 column names (plan, tag,
 * allownas…) are translated to the console's words in `lib/server/vendors/kiwire/`, never here.
 */

/** Kiwire's two account lists (one v2 table, `kiwire_user`, read through two modules). */
export type KiwireTable = "user" | "voucher";
const status = z.enum(KIWIRE_STATUSES).describe("act/exp/sus and the long forms, unknown for anything else");

const dateTime = z.string().nullable().describe("Appliance wall-clock time, Y-m-d H:i:s in its own zone");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg`Use YYYY-MM-DD`)
  .describe("YYYY-MM-DD (appliance zone)");

export const KiwireConnectionParams = z.strictObject({ connectionId: ConnectionIdSchema });

export const AccountSchema = z.object({
  username: z.string(),
  fullName: z.string(),
  email: z.string(),
  phone: z.string(),
  profile: z.string(),
  price: z.string(),
  status,
  batch: z.string().describe("Voucher batch (Kiwire's tag)"),
  createdBy: z.string(),
  remark: z.string(),
  createdAt: dateTime,
  activatedAt: dateTime,
  expiresAt: dateTime,
  mac: z.string(),
  zone: z.string().describe("Zone or NAS restriction, empty for any"),
});
export type AccountDto = z.infer<typeof AccountSchema>;

/**
 * The console's index of a Kiwire table (lists answer from it): when and how the table was last read. Kiwire
 * documents no count; some builds send one, and when it disagrees with the rows read, or the read had to stop
 * early, the page says so instead of hiding it.
 */
export const TableReadSchema = z.object({
  rowsRead: z.int().describe("Rows the console last read from Kiwire, page by page until an empty page"),
  reportedTotal: z
    .int()
    .nullable()
    .describe("The count Kiwire sent beside its pages; null when it sent none"),
  complete: z.boolean().describe("false when Kiwire answered the same rows again and the read stopped early"),
  asOf: z.iso
    .datetime()
    .describe("When the console's last read of this table began: the list is Kiwire's table as of then"),
});
export type TableReadDto = z.infer<typeof TableReadSchema>;

// ---- Vouchers -------------------------------------------------------------------------------------------

export const VoucherCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, msg`A voucher code is letters, digits and _ . - only`);

export const VoucherParams = z.strictObject({ connectionId: ConnectionIdSchema, code: VoucherCodeSchema });

export const ListVouchersQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
  batch: z.string().trim().max(64).optional(),
  status: z.enum(KIWIRE_STATUSES).optional(),
  profile: z.string().trim().max(128).optional(),
  from: isoDate.optional().describe("Created on or after"),
  to: isoDate.optional().describe("Created on or before"),
  expires: isoDate.optional().describe("Expires on this day (the appliance's calendar)"),
  q: z.string().trim().max(64).optional().describe("Code contains"),
});
export type ListVouchersInput = z.infer<typeof ListVouchersQuery>;

export const VoucherPageSchema = z.object({
  items: z.array(AccountSchema),
  totalItems: z.int(),
  page: z.int(),
  pageSize: z.int(),
  batches: z.array(z.string()).describe("Every batch seen, newest first, for the filter"),
  table: TableReadSchema,
});
export type VoucherPageDto = z.infer<typeof VoucherPageSchema>;

export const CreateVouchersSchema = z.strictObject({
  prefix: z
    .string()
    .trim()
    .max(16, msg`At most 16 characters`)
    .regex(/^[A-Za-z0-9_-]*$/, msg`Letters, digits, _ and - only`)
    .default(""),
  quantity: z.int(msg`Enter a number`).min(1, msg`At least 1`).max(1000, msg`At most 1,000 per batch`),
  profile: z.string().trim().min(1, msg`Choose a profile`).max(128),
  zone: z.string().trim().max(128).default("").describe("Zone or NAS id; empty for any"),
  expiry: isoDate.optional().describe("Last valid day; Kiwire's default is tomorrow"),
  remark: z.string().trim().max(255).default(""),
});
export type CreateVouchersInput = z.input<typeof CreateVouchersSchema>;

export const CreatedVouchersSchema = z.object({
  batch: z.string(),
  items: z.array(AccountSchema),
  requested: z.int().describe("The quantity asked for; more than items.length when not every code was found"),
  readBack: z
    .boolean()
    .describe(
      "true when Kiwire's answer did not list the batch and the console read it back from the voucher list",
    ),
});
export type CreatedVouchersDto = z.infer<typeof CreatedVouchersSchema>;

export const ExportVouchersQuery = z.strictObject({
  batch: z.string().trim().max(64).optional(),
  codes: z.string().max(100_000).optional().describe("Comma-separated codes (a selection)"),
  status: z.enum(KIWIRE_STATUSES).optional(),
  profile: z.string().trim().max(128).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  expires: isoDate.optional(),
  q: z.string().trim().max(64).optional(),
});
export type ExportVouchersInput = z.infer<typeof ExportVouchersQuery>;

// ---- Hotspot users --------------------------------------------------------------------------------------

export const HotspotUsernameSchema = z
  .string()
  .trim()
  .min(1, msg`Enter a user name`)
  .max(64)
  .regex(/^[A-Za-z0-9_.@+-]+$/, msg`Letters, digits and _ . @ + - only`);

export const HotspotUserParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  username: HotspotUsernameSchema,
});

export const ListHotspotUsersQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(64).optional(),
  status: z.enum(KIWIRE_STATUSES).optional(),
  sort: z.enum(HOTSPOT_USER_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListHotspotUsersInput = z.infer<typeof ListHotspotUsersQuery>;

export const HotspotUserPageSchema = z.object({
  items: z.array(AccountSchema),
  page: z.int(),
  pageSize: z.int(),
  totalItems: z.int(),
  hasMore: z.boolean(),
  table: TableReadSchema,
});
export type HotspotUserPageDto = z.infer<typeof HotspotUserPageSchema>;

export const CreateHotspotUserSchema = z.strictObject({
  username: HotspotUsernameSchema,
  password: z.string().min(1, msg`Enter a password`).max(128),
  profile: z.string().trim().min(1, msg`Choose a profile`).max(128),
  fullName: z.string().trim().max(128).default(""),
  email: z.union([z.email(msg`Enter a valid e-mail`), z.literal("")]).default(""),
  phone: z.string().trim().max(32).default(""),
  zone: z.string().trim().max(128).default(""),
  expiry: isoDate.optional(),
  mac: z
    .union([
      z.string().regex(/^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/, msg`A MAC is six hex pairs`),
      z.literal(""),
    ])
    .default(""),
  remark: z.string().trim().max(255).default(""),
});
export type CreateHotspotUserInput = z.input<typeof CreateHotspotUserSchema>;

// ---- Profiles, NAS, history -----------------------------------------------------------------------------

export const HotspotProfileSchema = z.object({
  name: z.string(),
  type: z.string(),
  price: z.string(),
  minutes: z.number().nullable(),
  idleTimeout: z.number().nullable(),
  simultaneous: z.number().nullable(),
  downKbps: z.number().nullable(),
  upKbps: z.number().nullable(),
});
export type HotspotProfileDto = z.infer<typeof HotspotProfileSchema>;

export const NasSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  type: z.string(),
  zone: z
    .string()
    .describe("The NAS's zone; its own NAS id when Kiwire sends no zone column (allownas takes a NAS id)"),
  description: z.string(),
  location: z.string(),
});
export type NasDto = z.infer<typeof NasSchema>;

export const LoginHistoryQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  username: HotspotUsernameSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type LoginHistoryInput = z.infer<typeof LoginHistoryQuery>;

export const SessionSchema = z.object({
  id: z.string(),
  username: z.string(),
  zone: z.string(),
  nas: z.string(),
  mac: z.string(),
  ip: z.string(),
  startedAt: dateTime,
  stoppedAt: dateTime,
  seconds: z.number().nullable(),
  bytesIn: z.number().nullable(),
  bytesOut: z.number().nullable(),
  terminateCause: z.string(),
  device: z.string(),
});
export type SessionDto = z.infer<typeof SessionSchema>;

export const SessionPageSchema = z.object({
  items: z.array(SessionSchema),
  page: z.int(),
  pageSize: z.int(),
  hasMore: z.boolean(),
});
export type SessionPageDto = z.infer<typeof SessionPageSchema>;

const TAG = "Kiwire";
export const listVouchers = defineOperation({
  operationId: "listVouchers",
  summary: "Vouchers from the console's index, filtered by batch, status, profile and creation dates",
  tag: TAG,
  permission: "vouchers.read",
  params: KiwireConnectionParams,
  query: ListVouchersQuery,
  response: VoucherPageSchema,
});

export const createVouchers = defineOperation({
  operationId: "createVouchers",
  summary: "Generate a batch of up to 1,000 vouchers; answers the new codes",
  tag: TAG,
  permission: "vouchers.write",
  params: KiwireConnectionParams,
  body: CreateVouchersSchema,
  response: CreatedVouchersSchema,
  successStatus: 201,
  audit: { action: "vouchers.create", resource: "voucher" },
});

export const deleteVoucher = defineOperation({
  operationId: "deleteVoucher",
  summary: "Delete (void) one voucher; Kiwire keeps it as expired",
  tag: TAG,
  permission: "vouchers.write",
  params: VoucherParams,
  response: z.object({ code: z.string() }),
  audit: { action: "vouchers.delete", resource: "voucher" },
});

export const exportVouchers = defineOperation({
  operationId: "exportVouchers",
  summary: "A batch, a selection or a filtered set of vouchers as CSV",
  tag: TAG,
  permission: "vouchers.read",
  params: KiwireConnectionParams,
  query: ExportVouchersQuery,
  response: "csv",
});

export const listHotspotUsers = defineOperation({
  operationId: "listHotspotUsers",
  summary: "Hotspot users from the console's index of Kiwire's user table: search, status, sort and pages",
  tag: TAG,
  permission: "hotspot.read",
  params: KiwireConnectionParams,
  query: ListHotspotUsersQuery,
  response: HotspotUserPageSchema,
});

export const getHotspotUser = defineOperation({
  operationId: "getHotspotUser",
  summary: "One hotspot user",
  tag: TAG,
  permission: "hotspot.read",
  params: HotspotUserParams,
  response: AccountSchema,
});

export const createHotspotUser = defineOperation({
  operationId: "createHotspotUser",
  summary: "Create a hotspot user",
  tag: TAG,
  permission: "hotspot.write",
  params: KiwireConnectionParams,
  body: CreateHotspotUserSchema,
  response: AccountSchema,
  successStatus: 201,
  audit: { action: "hotspot-users.create", resource: "hotspot-user" },
});

export const deleteHotspotUser = defineOperation({
  operationId: "deleteHotspotUser",
  summary: "Erase a hotspot user",
  tag: TAG,
  permission: "hotspot.write",
  params: HotspotUserParams,
  response: z.object({ username: z.string() }),
  audit: { action: "hotspot-users.delete", resource: "hotspot-user" },
});

export const listHotspotProfiles = defineOperation({
  operationId: "listHotspotProfiles",
  summary: "Profiles (plans), for pickers and reference",
  tag: TAG,
  permission: "hotspot.read",
  params: KiwireConnectionParams,
  response: z.object({ items: z.array(HotspotProfileSchema) }),
});

export const listNas = defineOperation({
  operationId: "listNas",
  summary: "NAS entries and their zones, for pickers and reference",
  tag: TAG,
  permission: "hotspot.read",
  params: KiwireConnectionParams,
  response: z.object({ items: z.array(NasSchema) }),
});

export const listLoginHistory = defineOperation({
  operationId: "listLoginHistory",
  summary: "Sessions, newest first, for one user or all, in a time range",
  tag: TAG,
  permission: "hotspot.read",
  params: KiwireConnectionParams,
  query: LoginHistoryQuery,
  response: SessionPageSchema,
});

export const refreshVoucherIndex = defineOperation({
  operationId: "refreshVoucherIndex",
  summary: "Read the voucher table from Kiwire again now (after changes made on the appliance itself)",
  tag: TAG,
  permission: "vouchers.read",
  params: KiwireConnectionParams,
  response: TableReadSchema,
  audit: { action: "kiwire-index.refresh", resource: "kiwire-index" },
});

export const refreshHotspotUserIndex = defineOperation({
  operationId: "refreshHotspotUserIndex",
  summary: "Read the hotspot user table from Kiwire again now (after changes made on the appliance itself)",
  tag: TAG,
  permission: "hotspot.read",
  params: KiwireConnectionParams,
  response: TableReadSchema,
  audit: { action: "kiwire-index.refresh", resource: "kiwire-index" },
});

export const VoucherPrintSettingsSchema = z.object({ qr: VoucherQrSchema });
export type VoucherPrintSettingsDto = z.infer<typeof VoucherPrintSettingsSchema>;

export const getVoucherPrintSettings = defineOperation({
  operationId: "getVoucherPrintSettings",
  summary:
    "What the QR code on each printed voucher holds: the code, or the connection's portal URL template",
  tag: TAG,
  permission: "vouchers.read",
  params: KiwireConnectionParams,
  response: VoucherPrintSettingsSchema,
});
