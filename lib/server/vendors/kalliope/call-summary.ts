import "server-only";
import type { KalliopeSummaryDto } from "@/lib/api/connection-summary";
import type { CallFilters } from "@/lib/api/kalliope";
import type { CdrSource } from "./cdr-days";
import { filteredCalls } from "./cdr-query";
import { wallTimeAt } from "./pbx-time";

const LAST_7_DAYS: CallFilters = {
  preset: "last7",
  callerMode: "contains",
  calledMode: "contains",
  status: [],
};

/**
 * The overview's figures of a PBX from one read of its last seven days (six of them cached, only today is
 * fetched again): today's calls and answered share, yesterday up to the same time of day (a fair comparison
 * at 10:00, where "all of yesterday" would always look bigger), and calls per day for the trend.
 */
export async function callSummary(source: CdrSource): Promise<KalliopeSummaryDto> {
  const asOf = wallTimeAt(source.client.pbxNow(), source.client.timeZone);
  const { calls, range } = await filteredCalls(source, LAST_7_DAYS);
  const today = range.to.slice(0, 10);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const sameTimeYesterday = `${yesterday} ${asOf.slice(11)}`;
  const perDay = new Map<string, number>();
  for (let at = Date.parse(`${range.from.slice(0, 10)}T00:00:00Z`); ; at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    if (day > today) break;
    perDay.set(day, 0);
  }
  let callsToday = 0;
  let answeredToday = 0;
  let callsYesterdaySameTime = 0;
  for (const call of calls) {
    const day = call.startTime.slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (day === today) {
      callsToday++;
      if (call.status === "OK") answeredToday++;
    } else if (day === yesterday && call.startTime <= sameTimeYesterday) callsYesterdaySameTime++;
  }
  return {
    kind: "kalliope",
    timeZone: range.timeZone,
    asOf,
    callsToday,
    answeredToday,
    answeredShare: callsToday === 0 ? null : answeredToday / callsToday,
    callsYesterdaySameTime,
    callsPerDay: [...perDay].map(([day, n]) => ({ day, calls: n })),
  };
}
