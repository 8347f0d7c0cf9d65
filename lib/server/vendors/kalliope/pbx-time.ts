import "server-only";
import { wallClockAt } from "@/lib/server/time/wall-clock";

/**
 * The PBX's wall clock. CDR times are `YYYY-MM-DD hh:mm:ss` in the PBX's local time with no zone (notes §2.4);
 * the unique id starts with the call's start as a UTC epoch. With the PBX's IANA zone (connection setting,
 * default UTC) the console turns instants into PBX days and wall times, and wall times back into instants,
 * daylight-saving changes included: a spring day has 23 hours, an autumn day 25, and its repeated hour is
 * told apart by the id's epoch.
 */

const HOUR_MS = 3_600_000;
/** `YYYY-MM-DD hh:mm:ss` on the PBX's wall clock at an instant (milliseconds since the epoch). */
export function wallTimeAt(epochMs: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallClockAt(epochMs, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** The PBX's date (`YYYY-MM-DD`) at an instant. */
export function pbxDateAt(epochMs: number, timeZone: string): string {
  return wallTimeAt(epochMs, timeZone).slice(0, 10);
}

/** A wall time read as if it were UTC, in milliseconds; NaN when it is not `YYYY-MM-DD hh:mm:ss`. */
function wallAsUtc(wall: string): number {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(wall)) return Number.NaN;
  return Date.parse(`${wall.replace(" ", "T")}Z`);
}

/** The zone's offset from UTC at an instant, in minutes (Rome in summer: 120). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  return Math.round((wallAsUtc(wallTimeAt(second, timeZone)) - second) / 60_000);
}

/**
 * The instant a PBX wall time stands for. In an autumn repeated hour two instants fit: the one nearer
 * `hint` (the call's id epoch) is taken, else the earlier. A time in a spring gap does not exist on the PBX's
 * clock; it is read with the offset from before the change, as clocks that were not moved would show it.
 * null when the text is not a wall time.
 */
export function instantOf(wall: string, timeZone: string, hintMs?: number): number | null {
  const asUtc = wallAsUtc(wall);
  if (!Number.isFinite(asUtc)) return null;
  // A zone changes its offset at most once in a few hours: the offsets half a day either side cover both.
  const offsets = new Set([
    offsetMinutesAt(asUtc - 12 * HOUR_MS, timeZone),
    offsetMinutesAt(asUtc + 12 * HOUR_MS, timeZone),
  ]);
  const fits = [...offsets]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => wallTimeAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  if (fits.length === 0) return asUtc - offsetMinutesAt(asUtc - 12 * HOUR_MS, timeZone) * 60_000;
  if (fits.length > 1 && hintMs !== undefined) {
    return fits.reduce((best, instant) =>
      Math.abs(instant - hintMs) < Math.abs(best - hintMs) ? instant : best,
    );
  }
  return fits[0] ?? null;
}

/** `+02:00`, `-03:30`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The epoch (ms) a unique id `epoch.sequence` starts with; null when it has none. */
export function idEpochMs(id: string): number | null {
  const match = /^(\d+)(?:\.\d+)?$/.exec(id);
  return match ? Number(match[1]) * 1000 : null;
}

/**
 * Each wall-clock hour's offset in a zone, or null for an hour within an hour of a change (where a start's
 * offset depends on the start, and in a repeated hour on the id). Kept across requests: a zone's rules do not
 * change while the console runs, and a month's export otherwise worked out 720 hours again each time (about
 * 8,000 formatter calls, 57 ms). A year of hours in a dozen zones is about 100,000 entries; past that it starts
 * over.
 */
const offsetByZoneHour = new Map<string, string | null>();
const MAX_REMEMBERED_HOURS = 100_000;

function steadyOffsetOfHour(hour: string, timeZone: string): string | null {
  const key = `${timeZone} ${hour}`;
  const known = offsetByZoneHour.get(key);
  if (known !== undefined) return known;
  const first = instantOf(`${hour}:00:00`, timeZone);
  const last = instantOf(`${hour}:59:59`, timeZone);
  // No change of offset within an hour of either end: every start in this hour has the same offset.
  const steady =
    first !== null &&
    last !== null &&
    offsetMinutesAt(first - HOUR_MS, timeZone) === offsetMinutesAt(last + HOUR_MS, timeZone);
  const offset = steady ? formatOffset(offsetMinutesAt(first, timeZone)) : null;
  if (offsetByZoneHour.size >= MAX_REMEMBERED_HOURS) offsetByZoneHour.clear();
  offsetByZoneHour.set(key, offset);
  return offset;
}

/**
 * The UTC offset of a call's start (`+01:00`), so a listed time is unambiguous on the 25-hour day: the hour's
 * offset, except near a change of offset, where the start decides, and in an hour that repeats the id's epoch.
 */
export function startOffset(startTime: string, id: string, timeZone: string): string {
  const steady = steadyOffsetOfHour(startTime.slice(0, 13), timeZone);
  if (steady !== null) return steady;
  const instant = instantOf(startTime, timeZone, idEpochMs(id) ?? undefined);
  return instant === null ? "" : formatOffset(offsetMinutesAt(instant, timeZone));
}

/** True when the runtime knows this IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    wallClockAt(0, timeZone);
    return true;
  } catch {
    return false;
  }
}
