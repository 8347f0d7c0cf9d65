/**
 * Date presets of the call browser. The URL keeps the preset's name (so "today" stays today when the link is
 * opened tomorrow) and the server turns it into dates on the PBX's calendar, in the PBX's time zone: an
 * operator in another zone still sees the PBX's "today". Only `custom` carries explicit dates.
 */

export const PRESETS = ["today", "yesterday", "week", "last7", "month", "lastMonth", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

const DAY_MS = 86_400_000;

/** Calendar arithmetic on `YYYY-MM-DD` (done in UTC, where every day has 24 hours). */
function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `from`/`to` (`YYYY-MM-DD` whole days, or the custom `YYYY-MM-DDThh:mm` values as given) on `today`'s calendar. */
export function presetRange(
  preset: Preset,
  custom: { from: string; to: string },
  today: string,
): { from: string; to: string } {
  const date = new Date(`${today}T00:00:00Z`);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (preset) {
    case "yesterday": {
      const day = shift(today, -1);
      return { from: day, to: day };
    }
    case "week":
      // Weeks start on Monday (the PBX's users are in Italy).
      return { from: shift(today, -((date.getUTCDay() + 6) % 7)), to: today };
    case "last7":
      return { from: shift(today, -6), to: today };
    case "month":
      return { from: firstOfMonth, to: today };
    case "lastMonth": {
      const lastDay = shift(firstOfMonth, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
    case "custom":
      return { from: custom.from || today, to: custom.to || custom.from.slice(0, 10) || today };
    default:
      return { from: today, to: today };
  }
}
