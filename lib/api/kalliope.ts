import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { PRESETS } from "@/lib/kalliope-range";
import { CALL_SORTS, MATCH_MODES } from "@/lib/kalliope-vocabulary";
import { ConnectionIdSchema } from "./connections";
import { defineOperation } from "./operation";

/**
 * KalliopePBX call records (CDR) as the console shows them. Codes follow kalliope-notes §2.6–2.7; the PBX may
 * send values no source lists, so every code is a plain string and the known ones only add a label.
 */

/** One step of the call path (the `detailed` format's `detail_*` row). */
export interface KalliopeCallStep {
  sourceNum: string;
  anonymous: boolean;
  destinationType: string;
  destinationId: string;
  destinationName: string;
  destinationNum: string;
  enterTime: string;
  enqueueTime: string;
  answerTime: string;
  exitTime: string;
  exitCause: string;
  answeredBy: string;
  waitingSeconds: number;
  mappedSourceNum: string;
  mappedDestinationNum: string;
  accountCode: string;
}

/** One call (summary fields, PBX local times `YYYY-MM-DD hh:mm:ss`), numbers exactly as sent (masked `xxx`). */
export interface KalliopeCall {
  id: string;
  source: string;
  destination: string;
  startTime: string;
  answerTime: string;
  endTime: string;
  accountCode: string;
  caller: string;
  called: string;
  gateway: string;
  status: string;
  answeredBy: string;
  billSeconds: number;
  durationSeconds: number;
  path: KalliopeCallStep[];
}

/** `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss]` (PBX local time). */
const LocalDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/, msg`Use YYYY-MM-DD or YYYY-MM-DDThh:mm`)
  .refine((v) => Number.isFinite(Date.parse(`${v.slice(0, 10)}T00:00:00Z`)), msg`Not a date`);

const csvList = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );
const seconds = z.coerce.number().int().min(0).max(10_000_000).optional();
const text = z.string().trim().max(100).optional();

export const CallFiltersQuery = z.strictObject({
  preset: z
    .enum(PRESETS)
    .optional()
    .describe(
      "A named period on the PBX's calendar (today, yesterday, week, last7, month, lastMonth); ignored when from is given",
    ),
  from: LocalDateTime.optional().describe("Start (PBX local), inclusive; default today 00:00"),
  to: LocalDateTime.optional().describe(
    "End (PBX local), inclusive; a bare date means its whole day; default = from's day",
  ),
  caller: text.describe("Caller number or part of it"),
  callerMode: z.enum(MATCH_MODES).default("contains"),
  called: text.describe("Called number or part of it"),
  calledMode: z.enum(MATCH_MODES).default("contains"),
  status: csvList.describe("Comma-separated status codes (OK,BUSY,…); unknown codes allowed"),
  source: text.describe("Source type code, e.g. ibl"),
  destination: text.describe("Destination type code, e.g. queue"),
  gateway: text.describe("Outbound/inbound line name (contains)"),
  accountCode: text.describe("Account code (exact)"),
  answeredBy: text.describe("Answered by (contains)"),
  minDuration: seconds,
  maxDuration: seconds,
  minBill: seconds,
  maxBill: seconds,
  uniqueId: text.describe("Exact unique id"),
});
export type CallFilters = z.infer<typeof CallFiltersQuery>;

export const ListCallsQuery = CallFiltersQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(CALL_SORTS).default("startTime"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type ListCallsInput = z.infer<typeof ListCallsQuery>;
export const ExportCallsQuery = CallFiltersQuery.extend({
  sort: z.enum(CALL_SORTS).default("startTime"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

const CallStepSchema = z.object({
  sourceNum: z.string(),
  anonymous: z.boolean(),
  destinationType: z.string(),
  destinationId: z.string(),
  destinationName: z.string(),
  destinationNum: z.string(),
  enterTime: z.string(),
  enqueueTime: z.string(),
  answerTime: z.string(),
  exitTime: z.string(),
  exitCause: z.string(),
  answeredBy: z.string(),
  waitingSeconds: z.number(),
  mappedSourceNum: z.string(),
  mappedDestinationNum: z.string(),
  accountCode: z.string(),
});
const CallSummarySchema = z.object({
  id: z.string(),
  source: z.string(),
  destination: z.string(),
  startTime: z.string(),
  answerTime: z.string(),
  endTime: z.string(),
  accountCode: z.string(),
  caller: z.string().describe("As the PBX sent it (masked numbers end in xxx)"),
  called: z.string(),
  gateway: z.string(),
  status: z.string().describe("Kalliope status code; unknown codes as sent"),
  answeredBy: z.string(),
  billSeconds: z.number(),
  durationSeconds: z.number(),
  utcOffset: z
    .string()
    .describe(
      "The start's offset from UTC in the PBX's time zone, e.g. +02:00: times are PBX wall-clock, and on the autumn daylight-saving day one hour repeats",
    ),
});
export const CallSchema = CallSummarySchema.extend({ path: z.array(CallStepSchema) });
export type KalliopeCallSummary = Omit<KalliopeCall, "path">;
/** A call as the API shows it: the PBX's wall-clock times plus the start's UTC offset. */
export type CallSummaryDto = z.infer<typeof CallSummarySchema>;
export type CallDto = z.infer<typeof CallSchema>;

const RangeInfo = z.object({
  from: z.string().describe("PBX local, YYYY-MM-DD hh:mm:ss"),
  to: z.string(),
  timeZone: z.string().describe("The PBX's IANA time zone (connection setting) that its times are in"),
  days: z.int(),
  maxDays: z.int().describe("The most days one query may pull from the PBX"),
  fromPbx: z.int().describe("Days fetched from the PBX for this answer (the rest came from the cache)"),
});

export const CallPageSchema = z.object({
  items: z.array(CallSummarySchema),
  totalItems: z.int(),
  page: z.int(),
  pageSize: z.int(),
  range: RangeInfo,
});
export type CallPageDto = z.infer<typeof CallPageSchema>;

const Bucket = z.object({ key: z.string(), counts: z.record(z.string(), z.int()), total: z.int() });
export const CallStatsSchema = z.object({
  calls: z.int(),
  answered: z.int(),
  answeredShare: z.number().describe("0..1"),
  totalDurationSeconds: z.int(),
  averageDurationSeconds: z.number(),
  totalBillSeconds: z.int(),
  bucket: z.enum(["hour", "day"]),
  buckets: z.array(Bucket),
  topCallers: z.array(z.object({ number: z.string(), calls: z.int() })),
  topCalled: z.array(z.object({ number: z.string(), calls: z.int() })),
  range: RangeInfo,
});
export type CallStatsDto = z.infer<typeof CallStatsSchema>;

export const CallConnectionParams = z.strictObject({ connectionId: ConnectionIdSchema });
export const CallParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  callId: z.string().regex(/^\d+(\.\d+)?$/, msg`A call id is the PBX unique id, e.g. 1463997154.0`),
});

const TAG = "KalliopePBX";

export const listCalls = defineOperation({
  operationId: "listCalls",
  summary: "A page of call records, filtered and sorted on the server over cached PBX days",
  tag: TAG,
  permission: "calls.read",
  params: CallConnectionParams,
  query: ListCallsQuery,
  response: CallPageSchema,
});

export const getCallStats = defineOperation({
  operationId: "getCallStats",
  summary: "Totals and chart series for the filtered calls",
  tag: TAG,
  permission: "calls.read",
  params: CallConnectionParams,
  query: CallFiltersQuery,
  response: CallStatsSchema,
});

export const exportCalls = defineOperation({
  operationId: "exportCalls",
  summary: "The whole filtered set as a streamed CSV (X-Total-Count gives the row count for progress)",
  tag: TAG,
  permission: "calls.export",
  params: CallConnectionParams,
  query: ExportCallsQuery,
  response: "csv",
});

export const getCall = defineOperation({
  operationId: "getCall",
  summary: "One call with its call path",
  tag: TAG,
  permission: "calls.read",
  params: CallParams,
  response: CallSchema,
});
