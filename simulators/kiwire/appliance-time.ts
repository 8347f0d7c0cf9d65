/**
 * Wall-clock time on the appliance. Kiwire signs `time` and reports every date in the appliance's own time
 * zone, never in UTC (notes D1, §7), so the simulator formats and parses in a configurable IANA zone.
 */

/** The two spellings of `time` the document uses (notes D1). */
export type KiwireTimeFormat = "YmdHis" | "Y-m-d H:i:s";

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a readable error at start-up rather than a RangeError on the first request. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new Error(`unknown time zone "${timeZone}" (use an IANA name such as "Asia/Kuala_Lumpur")`);
  }
}

function wallTimeAt(ms: number, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `Y-m-d H:i:s`, the MySQL DATETIME form Kiwire uses for every date it returns. */
export function formatDateTime(ms: number, timeZone: string): string {
  const t = wallTimeAt(ms, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** `Y-m-d`. */
export function formatDate(ms: number, timeZone: string): string {
  return formatDateTime(ms, timeZone).slice(0, 10);
}

/** `time` in the requested spelling. */
export function formatApplianceTime(ms: number, timeZone: string, format: KiwireTimeFormat): string {
  const text = formatDateTime(ms, timeZone);
  return format === "Y-m-d H:i:s" ? text : text.replace(/[- :]/g, "");
}

/** Epoch milliseconds of a wall-clock time in the zone; null when the fields do not name a real date. */
export function wallTimeToMs(t: WallTime, timeZone: string): number | null {
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const check = new Date(guess);
  if (
    t.year < 1970 ||
    check.getUTCFullYear() !== t.year ||
    check.getUTCMonth() !== t.month - 1 ||
    check.getUTCDate() !== t.day ||
    t.hour > 23 ||
    t.minute > 59 ||
    t.second > 59
  ) {
    return null;
  }
  // The zone offset at the guess may differ from the one at the answer across a DST change: correct once.
  const offsetAt = (ms: number) => {
    const w = wallTimeAt(ms, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
  };
  const first = guess - offsetAt(guess);
  const second = guess - offsetAt(first);
  return second;
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const DASHED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toWallTime(match: RegExpExecArray): WallTime {
  const n = (i: number) => Number(match[i] ?? "0");
  return { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6) };
}

/** Parses a signed `time` in one of the accepted spellings; null when it matches none or is not a real date. */
export function parseApplianceTime(
  text: string,
  timeZone: string,
  accepted: readonly KiwireTimeFormat[],
): number | null {
  for (const format of accepted) {
    const match = (format === "YmdHis" ? COMPACT : DASHED).exec(text);
    if (match) return wallTimeToMs(toWallTime(match), timeZone);
  }
  return null;
}

/**
 * Parses a date parameter (`start_time`, `expiry`...): `Y-m-d H:i:s`, or `Y-m-d` meaning the start or the
 * end of that day depending on `dateOnly`. Null when unparsable.
 */
export function parseDateParameter(
  text: string,
  timeZone: string,
  dateOnly: "start-of-day" | "end-of-day",
): number | null {
  const full = DASHED.exec(text);
  if (full) return wallTimeToMs(toWallTime(full), timeZone);
  const date = DATE_ONLY.exec(text);
  if (!date) return null;
  const wall = toWallTime(date);
  if (dateOnly === "end-of-day") Object.assign(wall, { hour: 23, minute: 59, second: 59 });
  return wallTimeToMs(wall, timeZone);
}

/** Epoch ms of 23:59:59 on the appliance's calendar day `days` after the day of `ms`. */
export function endOfDayAfter(ms: number, days: number, timeZone: string): number {
  const today = wallTimeAt(ms, timeZone);
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return (
    wallTimeToMs(
      {
        year: target.getUTCFullYear(),
        month: target.getUTCMonth() + 1,
        day: target.getUTCDate(),
        hour: 23,
        minute: 59,
        second: 59,
      },
      timeZone,
    ) ?? ms
  );
}
