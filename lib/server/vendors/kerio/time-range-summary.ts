import "server-only";
import { type Message, quoted, text, WordsPerLocale } from "@/lib/i18n/api-messages/text";
import { INTL_TAGS, LOCALES } from "@/lib/i18n/locales";

/** What a time range's summary is made of (kerio-notes §6: Kerio's time range rows). */
export interface TimeRangeParts {
  type: string;
  days: readonly string[];
  fromDay?: string;
  toDay?: string;
  fromTime: string;
  toTime: string;
  fromDate: string;
  toDate: string;
  childGroupName?: string;
}

/** Kerio names days in English (its IDL enum); a person reads them in their language. */
const KERIO_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** 2024-01-01 was a Monday. */
const MONDAY = Date.UTC(2024, 0, 1);
const DAY_NAMES = new Map(
  KERIO_DAYS.map((kerioDay, index) => {
    const date = new Date(MONDAY + index * 86_400_000);
    const nameIn = (tag: string) =>
      new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" }).format(date);
    const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, nameIn(INTL_TAGS[locale])]));
    return [kerioDay, new WordsPerLocale({ ...byLocale, en: kerioDay })];
  }),
);

const dayName = (kerioDay: string | undefined): Message =>
  DAY_NAMES.get(kerioDay ?? "") ?? quoted(kerioDay ?? "");

/** "Monday, Tuesday": a list of any length as nested pairs, so the catalog needs one entry for it. */
function listOf(items: readonly Message[]): Message | undefined {
  return items.reduce<Message | undefined>((list, item) => (list ? text`${list}, ${item}` : item), undefined);
}

/** When a time range applies, in words a person reads in their language. */
export function timeRangeSummary(range: TimeRangeParts): Message {
  switch (range.type) {
    case "Daily":
      return text`${listOf(range.days.map(dayName)) ?? text`Every day`} ${range.fromTime}–${range.toTime}`;
    case "Weekly":
      return text`${dayName(range.fromDay)} ${range.fromTime} – ${dayName(range.toDay)} ${range.toTime}`;
    case "Absolute":
      return text`${range.fromDate} ${range.fromTime} – ${range.toDate} ${range.toTime}`;
    case "ChildGroup":
      return text`Includes ${range.childGroupName ?? ""}`;
    default:
      return quoted("");
  }
}
