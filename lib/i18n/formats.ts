import { INTL_TAGS } from "./locales";
import { perLocale } from "./per-locale";

/**
 * Dates, numbers and durations as a locale writes them. Times are shown in UTC with the zone named, so two
 * operators in different places read the same time for one event (the console's rule before it spoke Italian).
 */
export interface Formats {
  /** "4 Dec 2026, 10:42 UTC" / "4 dic 2026, 10:42 UTC"; "—" when there is none. */
  dateTime(iso: string | null | undefined): string;
  /** A calendar day ("2026-12-04", read as that day, not as a UTC instant): "4 Dec" / "4 dic". */
  day(isoDay: string): string;
  /** "10:42" in UTC. */
  time(iso: string | Date): string;
  /** 20000 → "20,000" / "20.000". */
  number(value: number): string;
  /** 0.873 → "87%" / "87%". */
  percent(ratio: number): string;
  /** Seconds as `m:ss`, or `h:mm:ss` from an hour up: the same in both languages, as on a phone's display. */
  duration(totalSeconds: number): string;
}

export const formatsFor = perLocale((locale) => createFormats(INTL_TAGS[locale]));

function createFormats(tag: string): Formats {
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(tag, {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: "UTC",
  });
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  return {
    dateTime: (iso) => (iso ? `${dateTime.format(new Date(iso))} UTC` : "—"),
    day: (isoDay) => day.format(new Date(`${isoDay}T00:00:00Z`)),
    time: (iso) => time.format(typeof iso === "string" ? new Date(iso) : iso),
    number: (value) => number.format(value),
    percent: (ratio) => percent.format(ratio),
    duration: formatDuration,
  };
}

function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
