import { z } from "zod";
import { ConnectionIdParams } from "./connections";
import { defineOperation } from "./operation";

/**
 * A connection's few live figures for the overview, one request per connection so each card loads and fails
 * on its own. The answer's shape follows the connection's kind; health and latency are not repeated here
 * (the connection list carries them, and they show even when the appliance does not answer this).
 */

const count = z.int().min(0);

export const DayCountSchema = z.object({
  day: z.string().describe("YYYY-MM-DD on the appliance's calendar"),
  calls: count,
});

export const KalliopeSummarySchema = z.object({
  kind: z.literal("kalliope"),
  timeZone: z.string().describe("The PBX's IANA zone, whose calendar 'today' is on"),
  asOf: z.string().describe("The PBX's wall-clock time the figures were taken at, YYYY-MM-DD hh:mm:ss"),
  callsToday: count,
  answeredToday: count,
  answeredShare: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe("answeredToday / callsToday; null without calls"),
  callsYesterdaySameTime: count.describe("Calls yesterday from 00:00 up to the same time of day as asOf"),
  callsPerDay: z.array(DayCountSchema).describe("The last 7 days, oldest first, today last"),
});

export const KerioOperatorSummarySchema = z.object({
  kind: z.literal("kerio-operator"),
  extensions: count.describe("Extension numbers (single lines and multi-registration groups)"),
  registered: count
    .nullable()
    .describe(
      "Extensions with a registered phone (a group: any of its lines); null when the Operator reports no registration state (sipStatus is absent from every line)",
    ),
});

export const KiwireSummarySchema = z.object({
  kind: z.literal("kiwire"),
  today: z.string().describe("YYYY-MM-DD in the appliance's zone"),
  activeVouchers: count,
  expiringToday: count.describe("Active vouchers whose expiry falls on today's date"),
  indexedAt: z.string().describe("When the console last read the voucher table (ISO 8601): the figures' age"),
});

export const KayakoSummarySchema = z.object({
  kind: z.literal("kayako"),
  openTickets: count.describe("Tickets in an unresolved status, every department"),
  unassignedTickets: count.describe("Open tickets with no owner"),
});

/** Kinds whose figures are their health alone (for now): the card shows health and latency. */
export const HealthOnlySummarySchema = z.object({ kind: z.enum(["kerio-connect", "kerio-control"]) });

export const ConnectionSummarySchema = z.discriminatedUnion("kind", [
  KalliopeSummarySchema,
  KerioOperatorSummarySchema,
  KiwireSummarySchema,
  KayakoSummarySchema,
  HealthOnlySummarySchema,
]);
export type ConnectionSummaryDto = z.infer<typeof ConnectionSummarySchema>;
export type KalliopeSummaryDto = z.infer<typeof KalliopeSummarySchema>;
export type KerioOperatorSummaryDto = z.infer<typeof KerioOperatorSummarySchema>;
export type KiwireSummaryDto = z.infer<typeof KiwireSummarySchema>;
export type KayakoSummaryDto = z.infer<typeof KayakoSummarySchema>;

export const getConnectionSummary = defineOperation({
  operationId: "getConnectionSummary",
  summary:
    "A connection's live figures for the overview (calls today, registered extensions, active vouchers, open tickets), typed by its kind. Besides overview.read, the caller needs the read permission of the connection's vendor data",
  tag: "Connections",
  permission: "overview.read",
  params: ConnectionIdParams,
  response: ConnectionSummarySchema,
});
