import "server-only";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { and, eq, inArray } from "drizzle-orm";
import type { KalliopeCall, KalliopeCallSummary } from "@/lib/api/kalliope";
import { badRequest } from "@/lib/server/api/errors";
import type { Database } from "@/lib/server/db/client";
import { kalliopeCdrDays } from "@/lib/server/db/schema";
import type { KalliopeClient } from "./client";

/**
 * Call records by PBX day. A past day never changes on the PBX, so it is fetched once and kept in the
 * database (and its parsed form in a small in-process cache, since parsing a busy day costs more than reading
 * it); the current day is fetched again on each query. A query may pull at most `MAX_RANGE_DAYS` days.
 */

export const MAX_RANGE_DAYS = 62;
/** Parsed days kept in memory: a capped range of one connection, or a few weeks of several. */
const MEMORY_DAYS = 64;
const PBX_CONCURRENCY = 2;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * Parsed days in memory hold summaries only: the call paths are most of a day's size and only the call detail
 * needs them, which reads its day from the database again.
 */
const memory = new Map<string, KalliopeCallSummary[]>();
/** Days being fetched: the page asks for the list and the stats at once, and the PBX should see one fetch. */
const inFlight = new Map<string, Promise<KalliopeCallSummary[]>>();

const queues = new Map<string, { active: number; waiting: Array<() => void> }>();

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
}

function remember(key: string, calls: KalliopeCallSummary[]): void {
  memory.delete(key);
  memory.set(key, calls);
  while (memory.size > MEMORY_DAYS) {
    const oldest = memory.keys().next().value;
    if (oldest === undefined) break;
    memory.delete(oldest);
  }
}

/** Every `YYYY-MM-DD` from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw badRequest("Dates must be YYYY-MM-DD.");
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
  if (from > to) throw badRequest(`The range starts (${from}) after it ends (${to}).`);
  const all = daysBetween(from, to);
  if (all.length > MAX_RANGE_DAYS) {
    throw badRequest(
      `The range covers ${all.length} days; one query may pull at most ${MAX_RANGE_DAYS} days from the PBX. Narrow the dates.`,
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
        const settled = () => inFlight.delete(key(day));
        fetching.then(settled, settled);
        stats.fromPbx++;
      }
      result.set(day, await fetching);
    }),
  );
  return days.map((day) => result.get(day) ?? []);
}

async function fetchAndStore(source: CdrSource, day: string, past: boolean): Promise<KalliopeCallSummary[]> {
  const calls = await source.client.fetchDay(day);
  const summaries = summariesOf(calls);
  if (past) {
    remember(`${source.cacheKey}|${day}`, summaries);
    await source.db
      .insert(kalliopeCdrDays)
      .values({
        cacheKey: source.cacheKey,
        connectionId: source.connectionId,
        day,
        callCount: calls.length,
        callsGz: await gzipAsync(JSON.stringify(calls), { level: 1 }),
      })
      .onConflictDoNothing();
  }
  return summaries;
}

function summariesOf(calls: KalliopeCall[]): KalliopeCallSummary[] {
  return calls.map(({ path: _path, ...summary }) => summary);
}

async function unpack(gz: Buffer): Promise<KalliopeCall[]> {
  return JSON.parse((await gunzipAsync(gz)).toString("utf8")) as KalliopeCall[];
}

/** One call with its path: from the stored day when it is there, else asked of the PBX by unique id. */
export async function callWithPath(
  source: CdrSource,
  day: string,
  callId: string,
): Promise<KalliopeCall | null> {
  const [row] = await source.db
    .select({ callsGz: kalliopeCdrDays.callsGz })
    .from(kalliopeCdrDays)
    .where(and(eq(kalliopeCdrDays.cacheKey, source.cacheKey), eq(kalliopeCdrDays.day, day)));
  if (row) return (await unpack(row.callsGz)).find((call) => call.id === callId) ?? null;
  const calls = await source.client.fetchWindow({
    begin: `${day} 00:00:00`,
    end: `${day} 23:59:59`,
    uniqueId: callId,
  });
  return calls.find((call) => call.id === callId) ?? null;
}
