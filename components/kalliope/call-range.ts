/**
 * Date presets of the call browser. The URL keeps the preset's name (so "today" stays today when the link is
 * opened tomorrow); only `custom` keeps explicit dates. Dates are the browser's calendar days.
 */

export const PRESETS = ["today", "yesterday", "week", "last7", "month", "lastMonth", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
  today: "Today",
  yesterday: "Yesterday",
  week: "This week",
  last7: "Last 7 days",
  month: "This month",
  lastMonth: "Last month",
  custom: "Custom",
};

function ymd(date: Date): string {
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${m}-${d}`;
}

function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

/** `from`/`to` for the API (`YYYY-MM-DD` whole days, or the custom `YYYY-MM-DDThh:mm` values as given). */
export function presetRange(
  preset: Preset,
  custom: { from: string; to: string },
  now: Date = new Date(),
): { from: string; to: string } {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  switch (preset) {
    case "yesterday": {
      const day = ymd(addDays(today, -1));
      return { from: day, to: day };
    }
    case "week": {
      // Weeks start on Monday (the PBX's users are in Italy).
      const monday = addDays(today, -((today.getDay() + 6) % 7));
      return { from: ymd(monday), to: ymd(today) };
    }
    case "last7":
      return { from: ymd(addDays(today, -6)), to: ymd(today) };
    case "month":
      return { from: ymd(new Date(today.getFullYear(), today.getMonth(), 1)), to: ymd(today) };
    case "lastMonth":
      return {
        from: ymd(new Date(today.getFullYear(), today.getMonth() - 1, 1)),
        to: ymd(new Date(today.getFullYear(), today.getMonth(), 0)),
      };
    case "custom":
      return { from: custom.from || ymd(today), to: custom.to || custom.from.slice(0, 10) || ymd(today) };
    default:
      return { from: ymd(today), to: ymd(today) };
  }
}
