import "server-only";
import type {
  CallDto,
  CallFilters,
  CallStatsDto,
  CallSummaryDto,
  KalliopeCallSummary,
  ListCallsInput,
} from "@/lib/api/kalliope";
import { text } from "@/lib/i18n/api-messages/text";
import { presetRange } from "@/lib/kalliope-range";
import type { CallSort, MatchMode } from "@/lib/kalliope-vocabulary";
import { badRequest, notFound } from "@/lib/server/errors/api-error";
import { type CdrSource, callsForDays, callWithPath, type DayFetchStats, MAX_RANGE_DAYS } from "./cdr-days";
import { idEpochMs, pbxDateAt, startOffset } from "./pbx-time";

/**
 * Filtering, sorting, paging and totals over cached PBX days. The PBX filters by date and unique id only
 * (notes §5), so everything else happens here, on the parsed calls of the range's days.
 */

export interface RangeInfo {
  from: string;
  to: string;
  timeZone: string;
  days: number;
  maxDays: number;
  fromPbx: number;
}

/**
 * `from`/`to` as `YYYY-MM-DD hh:mm:ss` (PBX local), both inclusive; a bare `to` date covers its whole day.
 * A preset names days on the PBX's calendar (`today` is the PBX's date, in its time zone).
 */
export function resolveRange(filters: CallFilters, today: string): { from: string; to: string } {
  const norm = (value: string, endOfDay: boolean) => {
    const v = value.replace("T", " ");
    if (v.length === 10) return `${v} ${endOfDay ? "23:59:59" : "00:00:00"}`;
    return v.length === 16 ? `${v}:${endOfDay ? "59" : "00"}` : v;
  };
  const named =
    filters.preset && filters.preset !== "custom" && filters.from === undefined
      ? presetRange(filters.preset, { from: "", to: "" }, today)
      : undefined;
  const from = norm(named?.from ?? filters.from ?? today, false);
  const to = norm(named?.to ?? filters.to ?? from.slice(0, 10), true);
  if (to < from) throw badRequest(text`The range ends (${to}) before it starts (${from}).`);
  return { from, to };
}

function matches(value: string, wanted: string | undefined, mode: MatchMode): boolean {
  if (!wanted) return true;
  const v = value.toLowerCase();
  const w = wanted.toLowerCase();
  switch (mode) {
    case "begins":
      return v.startsWith(w);
    case "ends":
      return v.endsWith(w);
    case "exact":
      return v === w;
    case "not":
      return !v.includes(w);
    default:
      return v.includes(w);
  }
}

export function callPredicate(
  filters: CallFilters,
  from: string,
  to: string,
): (call: KalliopeCallSummary) => boolean {
  const statuses = new Set(filters.status);
  const contains = (value: string, wanted: string | undefined) =>
    !wanted || value.toLowerCase().includes(wanted.toLowerCase());
  return (call) =>
    call.startTime >= from &&
    call.startTime <= to &&
    (statuses.size === 0 || statuses.has(call.status)) &&
    matches(call.caller, filters.caller, filters.callerMode) &&
    matches(call.called, filters.called, filters.calledMode) &&
    (!filters.source || call.source === filters.source) &&
    (!filters.destination || call.destination === filters.destination) &&
    contains(call.gateway, filters.gateway) &&
    (!filters.accountCode || call.accountCode === filters.accountCode) &&
    contains(call.answeredBy, filters.answeredBy) &&
    (filters.minDuration === undefined || call.durationSeconds >= filters.minDuration) &&
    (filters.maxDuration === undefined || call.durationSeconds <= filters.maxDuration) &&
    (filters.minBill === undefined || call.billSeconds >= filters.minBill) &&
    (filters.maxBill === undefined || call.billSeconds <= filters.maxBill) &&
    (!filters.uniqueId || call.id === filters.uniqueId);
}

/** A call with its unique id read as two numbers: the fraction is a sequence, so 10.9 comes before 10.10. */
function keyedById(call: KalliopeCallSummary) {
  const dot = call.id.indexOf(".");
  return {
    call,
    whole: Number(dot < 0 ? call.id : call.id.slice(0, dot)),
    sequence: dot < 0 ? 0 : Number(call.id.slice(dot + 1)),
  };
}

export function sortCalls(
  calls: KalliopeCallSummary[],
  sort: CallSort,
  dir: "asc" | "desc",
): KalliopeCallSummary[] {
  const sign = dir === "asc" ? 1 : -1;
  const numeric = sort === "durationSeconds" || sort === "billSeconds";
  // Each id is read once, not on every comparison: a month holds 100,000 calls and a sort compares about 17
  // times as many pairs. Two numbers on the entry, not an array per id: a month sorted by start time took
  // about 60 instead of 125 ms.
  const keyed = calls.map(keyedById);
  const byId = (a: (typeof keyed)[number], b: (typeof keyed)[number]) =>
    a.whole - b.whole || a.sequence - b.sequence;
  keyed.sort((a, b) => {
    let order: number;
    if (numeric) order = a.call[sort] - b.call[sort];
    else if (sort === "id") order = byId(a, b);
    else order = a.call[sort] < b.call[sort] ? -1 : a.call[sort] > b.call[sort] ? 1 : 0;
    // Ties fall back to the PBX order, so paging is stable.
    return sign * (order || byId(a, b));
  });
  keyed.forEach((entry, index) => {
    calls[index] = entry.call;
  });
  return calls;
}

export interface FilteredCalls {
  calls: KalliopeCallSummary[];
  range: RangeInfo;
}

export async function filteredCalls(
  source: CdrSource,
  filters: CallFilters,
  sort?: { sort: CallSort; dir: "asc" | "desc" },
): Promise<FilteredCalls> {
  const { from, to } = resolveRange(filters, source.client.pbxToday());
  const stats: DayFetchStats = { fromPbx: 0, fromDatabase: 0, fromMemory: 0 };
  const days = await callsForDays(source, from.slice(0, 10), to.slice(0, 10), stats);
  const keep = callPredicate(filters, from, to);
  const calls: KalliopeCallSummary[] = [];
  for (const day of days) for (const call of day) if (keep(call)) calls.push(call);
  if (sort) sortCalls(calls, sort.sort, sort.dir);
  return {
    calls,
    range: {
      from,
      to,
      timeZone: source.client.timeZone,
      days: days.length,
      maxDays: MAX_RANGE_DAYS,
      fromPbx: stats.fromPbx,
    },
  };
}

export async function listCalls(source: CdrSource, input: ListCallsInput) {
  const { calls, range } = await filteredCalls(source, input, input);
  const start = (input.page - 1) * input.pageSize;
  const timeZone = source.client.timeZone;
  return {
    items: calls
      .slice(start, start + input.pageSize)
      .map(
        (call): CallSummaryDto => ({ ...call, utcOffset: startOffset(call.startTime, call.id, timeZone) }),
      ),
    totalItems: calls.length,
    page: input.page,
    pageSize: input.pageSize,
    range,
  };
}

/** The unique id starts with the call's start as a UTC epoch: in the PBX's time zone that names its day. */
export async function getCall(source: CdrSource, callId: string): Promise<CallDto> {
  const epochMs = idEpochMs(callId);
  if (epochMs === null || Number.isNaN(new Date(epochMs).getTime()))
    throw notFound(text`No call "${callId}".`);
  // An id from after tomorrow names no call, and a day past year 9999 would not even parse back as a date.
  if (epochMs > Date.now() + 86_400_000) throw notFound(text`No call "${callId}".`);
  const timeZone = source.client.timeZone;
  const day = pbxDateAt(epochMs, timeZone);
  // The id's epoch is when the channel opened, which may be a moment before the recorded start: the
  // neighbouring days are looked at too, after the day itself.
  const today = source.client.pbxToday();
  const candidates = [day, ...neighbours(day)].filter(
    (candidate, index, all) => candidate <= today && all.indexOf(candidate) === index,
  );
  for (const candidate of candidates) {
    const [calls = []] = await callsForDays(source, candidate, candidate);
    if (!calls.some((call) => call.id === callId)) continue;
    const found = await callWithPath(source, candidate, callId);
    if (found) return { ...found, utcOffset: startOffset(found.startTime, found.id, timeZone) };
  }
  throw notFound(text`The PBX has no call "${callId}" (or this user may not see it).`);
}

function neighbours(day: string): string[] {
  const at = Date.parse(`${day}T00:00:00Z`);
  return [-1, 1].map((d) => new Date(at + d * 86_400_000).toISOString().slice(0, 10));
}

const TOP = 10;

export async function callStats(source: CdrSource, filters: CallFilters): Promise<CallStatsDto> {
  const { calls, range } = await filteredCalls(source, filters);
  const bucket = range.days <= 2 ? "hour" : "day";
  const buckets = new Map<string, { counts: Record<string, number>; total: number }>();
  const callers = new Map<string, number>();
  const called = new Map<string, number>();
  let answered = 0;
  let totalDuration = 0;
  let totalBill = 0;
  for (const call of calls) {
    if (call.status === "OK") answered++;
    totalDuration += call.durationSeconds;
    totalBill += call.billSeconds;
    const key = bucket === "hour" ? call.startTime.slice(0, 13) : call.startTime.slice(0, 10);
    let entry = buckets.get(key);
    if (!entry) {
      entry = { counts: {}, total: 0 };
      buckets.set(key, entry);
    }
    entry.counts[call.status] = (entry.counts[call.status] ?? 0) + 1;
    entry.total++;
    if (call.caller) callers.set(call.caller, (callers.get(call.caller) ?? 0) + 1);
    if (call.called) called.set(call.called, (called.get(call.called) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>) =>
    [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP)
      .map(([number, n]) => ({ number, calls: n }));
  return {
    calls: calls.length,
    answered,
    answeredShare: calls.length === 0 ? 0 : answered / calls.length,
    totalDurationSeconds: totalDuration,
    averageDurationSeconds: calls.length === 0 ? 0 : totalDuration / calls.length,
    totalBillSeconds: totalBill,
    bucket,
    buckets: [...buckets].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, value]) => ({ key, ...value })),
    topCallers: top(callers),
    topCalled: top(called),
    range,
  };
}

export const EXPORT_COLUMNS = [
  "id",
  "startTime",
  "utcOffset",
  "answerTime",
  "endTime",
  "caller",
  "called",
  "status",
  "source",
  "destination",
  "gateway",
  "accountCode",
  "answeredBy",
  "durationSeconds",
  "billSeconds",
] as const;

/**
 * One call as an export row, in EXPORT_COLUMNS order. Written out rather than mapped over the column names:
 * an export writes hundreds of thousands of rows, and a copy of each call per row was most of its cost.
 */
export function exportRow(call: KalliopeCallSummary, utcOffset: string): unknown[] {
  return [
    call.id,
    call.startTime,
    utcOffset,
    call.answerTime,
    call.endTime,
    call.caller,
    call.called,
    call.status,
    call.source,
    call.destination,
    call.gateway,
    call.accountCode,
    call.answeredBy,
    call.durationSeconds,
    call.billSeconds,
  ];
}
