/**
 * Calendar helpers for the PBX's local time. The CDR carries wall-clock times without a zone (notes §2.4),
 * so the simulator keeps every CDR time as "local seconds": seconds since 1970-01-01 00:00:00 of the PBX's
 * wall clock, which is UTC shifted by a fixed offset. A fixed offset (not a named zone) keeps the data a
 * pure function of the date, with no daylight-saving jumps.
 */

export const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`; null when the date does not exist. */
export function dayNumberOf(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return dayNumberFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Days since 1970-01-01 of a calendar date; null when it does not exist (month 13, 30 February...). */
export function dayNumberFromParts(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

export function partsOfDay(dayNumber: number): DateParts {
  const date = new Date(dayNumber * 86_400_000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

const pad2 = (value: number) => String(value).padStart(2, "0");

export function isoDateOfDay(dayNumber: number): string {
  const { year, month, day } = partsOfDay(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** "00".."59", looked up rather than padded: CDR generation formats several times per call. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => pad2(value));

/** `hh:mm:ss` of a second of the day (0..86399). */
export function clockTime(secondOfDay: number): string {
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor(secondOfDay / 60) % 60;
  return `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondOfDay % 60]}`;
}

/** `YYYY-MM-DD hh:mm:ss`, the CDR's own time format (notes §2.4). */
export function cdrDateTime(localSeconds: number): string {
  const day = Math.floor(localSeconds / SECONDS_PER_DAY);
  return `${isoDateOfDay(day)} ${clockTime(localSeconds - day * SECONDS_PER_DAY)}`;
}

/** Parses the POST filter format `YYYY-MM-DD hh:mm:ss` (notes §2.2) into local seconds; null if invalid. */
export function parseCdrDateTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const day = dayNumberFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  const hours = Number(match[4]);
  const minutes = Number(match[5]);
  const seconds = Number(match[6]);
  if (day === null || hours > 23 || minutes > 59 || seconds > 59) return null;
  return day * SECONDS_PER_DAY + hours * 3600 + minutes * 60 + seconds;
}

/** The PBX's local seconds at a UTC instant (milliseconds), given its offset from UTC in minutes. */
export function localSecondsAt(utcMs: number, utcOffsetMinutes: number): number {
  return Math.floor(utcMs / 1000) + utcOffsetMinutes * 60;
}

/**
 * The PBX's clock: a fixed offset from UTC, or an IANA zone with its daylight-saving changes (a spring day
 * skips an hour of wall-clock time, an autumn day repeats one).
 */
export interface PbxZone {
  /** Local seconds at a UTC instant (milliseconds). */
  localSecondsAt(utcMs: number): number;
  /** The UTC epoch second a local second stands for: the first one in a repeated hour, null in a skipped one. */
  utcSecondsOf(localSeconds: number): number | null;
}

export function fixedOffsetZone(utcOffsetMinutes: number): PbxZone {
  return {
    localSecondsAt: (utcMs) => localSecondsAt(utcMs, utcOffsetMinutes),
    utcSecondsOf: (localSeconds) => localSeconds - utcOffsetMinutes * 60,
  };
}

/** Throws when the runtime does not know the zone. */
export function ianaZone(timeZone: string): PbxZone {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  // Offsets change on quarter hours at the finest: one lookup per quarter hour of UTC.
  const offsets = new Map<number, number>();
  const offsetSecondsAt = (utcSeconds: number): number => {
    const quarter = Math.floor(utcSeconds / 900);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(quarter * 900_000)) parts[part.type] = Number(part.value);
      const wall = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        parts.hour ?? 0,
        parts.minute ?? 0,
        parts.second ?? 0,
      );
      offset = wall / 1000 - quarter * 900;
      offsets.set(quarter, offset);
    }
    return offset;
  };
  return {
    localSecondsAt: (utcMs) => {
      const utcSeconds = Math.floor(utcMs / 1000);
      return utcSeconds + offsetSecondsAt(utcSeconds);
    },
    utcSecondsOf: (localSeconds) => {
      const candidates = new Set([
        offsetSecondsAt(localSeconds - SECONDS_PER_DAY / 2),
        offsetSecondsAt(localSeconds + SECONDS_PER_DAY / 2),
      ]);
      const fits = [...candidates]
        .map((offset) => localSeconds - offset)
        .filter((utcSeconds) => utcSeconds + offsetSecondsAt(utcSeconds) === localSeconds);
      return fits.length === 0 ? null : Math.min(...fits);
    },
  };
}
