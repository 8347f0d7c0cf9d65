import "server-only";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { and, eq, inArray } from "drizzle-orm";
import type { KalliopeCall, KalliopeCallSummary } from "@/lib/api/kalliope";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { kalliopeCdrDays } from "@/lib/server/db/schema";
import { badRequest } from "@/lib/server/errors/api-error";
import { logger } from "@/lib/server/logging/logger";
import { parseCdr } from "./cdr-parse";
import type { KalliopeClient } from "./client";

/**
 * Call records by PBX day, in the `summary` format (one row per call). A past day never changes on the PBX,
 * so it is fetched once and kept in the database (and its parsed form in a bounded in-process cache, since
 * parsing a busy day costs more than reading it); the current day is fetched again on each query. A call's
 * path is asked of the PBX when someone opens the call. A query may pull at most `MAX_RANGE_DAYS` days.
 */

export const MAX_RANGE_DAYS = 62;
/**
 * Calls kept parsed in memory, over all connections: about two months of a busy PBX (3,700 calls a day) at
 * roughly 300 bytes a call once repeated strings are shared, so the cache stays near 80 MB.
 */
const MEMORY_CALLS = 250_000;
const PBX_CONCURRENCY = 2;
/** Distinct strings shared between parsed calls; past this the table starts afresh (it is only a saving). */
const MAX_INTERNED = 100_000;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Parsed past days by `cacheKey|day`, least recently used first. */
const memory = new Map<string, KalliopeCallSummary[]>();
let memoryCalls = 0;
/** Repeated strings of parsed calls, shared (see `intern`). */
const interned = new Map<string, string>();
/** Days being fetched: the page asks for the list and the stats at once, and the PBX should see one fetch. */
const inFlight = new Map<string, Promise<KalliopeCallSummary[]>>();

const queues = new Map<string, { active: number; waiting: Array<() => void> }>();

/**
 * Writes of fetched days to the database, one at a time and after the answer: the first page needs the
 * parsed calls, not the stored copy (compressing and storing a month costs seconds, most of a cold query).
 */
let cacheWrites: Promise<void> = Promise.resolve();

interface PendingWrite {
  source: CdrSource;
  day: string;
  callCount: number;
  callsGz: Buffer;
}
/** Fetched past days, compressed, waiting for `flushWhenIdle`. */
const pendingWrites: PendingWrite[] = [];

/** At most `PBX_CONCURRENCY` day fetches per PBX at a time, whatever the number of queries asking. */
async function limited<T>(pbx: string, job: () => Promise<T>): Promise<T> {
  let queue = queues.get(pbx);
  if (!queue) {
    queue = { active: 0, waiting: [] };
    queues.set(pbx, queue);
  }
  const q = queue;
  if (q.active >= PBX_CONCURRENCY) await new Promise<void>((resolve) => q.waiting.push(resolve));
  q.active++;
  try {
    return await job();
  } finally {
    q.active--;
    q.waiting.shift()?.();
    if (q.active === 0 && q.waiting.length === 0) queues.delete(pbx);
  }
}

export function forgetParsedDays(): void {
  memory.clear();
  memoryCalls = 0;
  interned.clear();
}

/** Drops what this process keeps for a removed connection (cache keys start with its id and a colon). */
export function forgetConnectionDays(connectionId: string): void {
  const prefix = `${connectionId}:`;
  for (const [key, calls] of memory) {
    if (!key.startsWith(prefix)) continue;
    memory.delete(key);
    memoryCalls -= calls.length;
  }
  for (const key of [...inFlight.keys()]) if (key.startsWith(prefix)) inFlight.delete(key);
  // Days fetched but not yet stored must not land in the database after the connection's rows are gone.
  for (let i = pendingWrites.length - 1; i >= 0; i--) {
    if (pendingWrites[i]?.source.connectionId === connectionId) pendingWrites.splice(i, 1);
  }
}

/** Resolves once every fetched day is in the database (tests and the bench wait on it). */
export async function cacheWritesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  flushWhenIdle();
  await cacheWrites;
}

function remember(key: string, calls: KalliopeCallSummary[]): void {
  const previous = memory.get(key);
  if (previous) memoryCalls -= previous.length;
  memory.delete(key);
  memory.set(key, calls);
  memoryCalls += calls.length;
  while (memoryCalls > MEMORY_CALLS && memory.size > 1) {
    const [oldest, dropped] = memory.entries().next().value ?? [];
    if (oldest === undefined || dropped === undefined) break;
    memory.delete(oldest);
    memoryCalls -= dropped.length;
  }
}

/** Every `YYYY-MM-DD` from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw badRequest(text`Dates must be YYYY-MM-DD.`);
  for (let t = start; t <= end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export interface DayFetchStats {
  fromPbx: number;
  fromDatabase: number;
  fromMemory: number;
}

export interface CdrSource {
  db: Database;
  client: KalliopeClient;
  connectionId: string;
  cacheKey: string;
}

/**
 * The calls of `from`..`to` (PBX dates, inclusive), oldest day first. Days after the PBX's today are empty
 * and not asked for; a range over `MAX_RANGE_DAYS` is refused with a message that says the limit.
 */
export async function callsForDays(
  source: CdrSource,
  from: string,
  to: string,
  stats: DayFetchStats = { fromPbx: 0, fromDatabase: 0, fromMemory: 0 },
): Promise<KalliopeCallSummary[][]> {
  if (from > to) throw badRequest(text`The range starts (${from}) after it ends (${to}).`);
  const all = daysBetween(from, to);
  if (all.length > MAX_RANGE_DAYS) {
    throw badRequest(
      text`The range covers ${all.length} days; one query may pull at most ${MAX_RANGE_DAYS} days from the PBX. Narrow the dates.`,
    );
  }
  const today = source.client.pbxToday();
  const days = all.filter((day) => day <= today);
  const key = (day: string) => `${source.cacheKey}|${day}`;
  const result = new Map<string, KalliopeCallSummary[]>();

  const missing: string[] = [];
  for (const day of days) {
    const cached = day < today ? memory.get(key(day)) : undefined;
    if (cached) {
      result.set(day, cached);
      stats.fromMemory++;
    } else missing.push(day);
  }
  const past = missing.filter((day) => day < today);
  if (past.length > 0) {
    const rows = await source.db
      .select({ day: kalliopeCdrDays.day, callsGz: kalliopeCdrDays.callsGz })
      .from(kalliopeCdrDays)
      .where(and(eq(kalliopeCdrDays.cacheKey, source.cacheKey), inArray(kalliopeCdrDays.day, past)));
    for (const row of rows) {
      const calls = summariesOf(await unpack(row.callsGz));
      result.set(row.day, calls);
      remember(key(row.day), calls);
      stats.fromDatabase++;
    }
  }
  const toFetch = missing.filter((day) => !result.has(day));
  await Promise.all(
    toFetch.map(async (day) => {
      let fetching = inFlight.get(key(day));
      if (!fetching) {
        fetching = limited(source.cacheKey, () => fetchAndStore(source, day, day < today));
        inFlight.set(key(day), fetching);
        const settled = () => {
          inFlight.delete(key(day));
          flushWhenIdle();
        };
        fetching.then(settled, settled);
        stats.fromPbx++;
      }
      result.set(day, await fetching);
    }),
  );
  return days.map((day) => result.get(day) ?? []);
}

async function fetchAndStore(source: CdrSource, day: string, past: boolean): Promise<KalliopeCallSummary[]> {
  // Listing needs no call paths: the summary answer is a quarter of the detailed one to send, parse and keep.
  const answer = await source.client.fetchDayAnswer(day, "summary");
  const summaries = summariesOf(parseCdr(answer.body.toString("utf8"), answer.contentType));
  if (past) {
    remember(`${source.cacheKey}|${day}`, summaries);
    // Compressed now (off the main thread), so only a few hundred KB per day wait for the database.
    const callsGz = await gzipAsync(answer.body, { level: 1 });
    pendingWrites.push({ source, day, callCount: summaries.length, callsGz });
  }
  return summaries;
}

/**
 * Once no day is being fetched, the fetched days go to the database one at a time: storing competes with
 * parsing for the one JavaScript thread (node-postgres encodes the bytes there; the embedded database gets a
 * copy of them on its own thread), so it waits until the answers that need the parsed days are out.
 */
function flushWhenIdle(): void {
  if (pendingWrites.length === 0) return;
  // On a server that is never idle, a full backlog is written anyway.
  if (inFlight.size > 0 && pendingWrites.length < MAX_RANGE_DAYS) return;
  const batch = pendingWrites.splice(0);
  cacheWrites = cacheWrites.then(async () => {
    for (const write of batch) {
      try {
        await write.source.db
          .insert(kalliopeCdrDays)
          .values({
            cacheKey: write.source.cacheKey,
            connectionId: write.source.connectionId,
            day: write.day,
            callCount: write.callCount,
            callsGz: write.callsGz,
          })
          .onConflictDoNothing();
      } catch (error) {
        // A day not stored is only fetched again next time.
        logger.warn(
          `[kalliope] could not cache ${write.day}: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  });
}

/** One string object per distinct value: numbers, codes and line names repeat thousands of times a month. */
function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(value, value);
  return value;
}

function summariesOf(calls: KalliopeCall[]): KalliopeCallSummary[] {
  return calls.map((call) => ({
    id: call.id,
    source: intern(call.source),
    destination: intern(call.destination),
    startTime: call.startTime,
    answerTime: call.answerTime,
    endTime: call.endTime,
    accountCode: intern(call.accountCode),
    caller: intern(call.caller),
    called: intern(call.called),
    gateway: intern(call.gateway),
    status: intern(call.status),
    answeredBy: intern(call.answeredBy),
    billSeconds: call.billSeconds,
    durationSeconds: call.durationSeconds,
  }));
}

/** A stored day: the PBX's answer as it came, compressed (parseCdr tells JSON, CSV and XML apart). */
async function unpack(gz: Buffer): Promise<KalliopeCall[]> {
  return parseCdr((await gunzipAsync(gz)).toString("utf8"), undefined);
}

/**
 * One call with its path. Stored days hold summaries, so the path is asked of the PBX: one search by unique id
 * within the call's day (document §2.4), which the PBX answers with that call alone.
 */
export async function callWithPath(
  source: CdrSource,
  day: string,
  callId: string,
): Promise<KalliopeCall | null> {
  const calls = await source.client.fetchWindow({
    begin: `${day} 00:00:00`,
    end: `${day} 23:59:59`,
    uniqueId: callId,
  });
  return calls.find((call) => call.id === callId) ?? null;
}
