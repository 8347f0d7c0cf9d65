import "server-only";

/** A wall-clock reading in some time zone, each field zero-padded as it is written (`2026`, `03`, `29`, `02`…). */
export interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

// Building an Intl.DateTimeFormat is far dearer than using one; appliances' zones are few.
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

/**
 * What a clock in `timeZone` (IANA) shows at an instant (milliseconds since the epoch). Vendors that speak in
 * their own local time (Kiwire's signed `time`, KalliopePBX's call times) are read and written through this.
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const clock: WallClock = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = part.value;
  }
  return clock;
}
