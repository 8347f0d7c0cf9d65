import type { ChartSeries } from "@/components/charts/chart-parts";
import type { ChartColourName } from "@/components/charts/palette";
import type { ChartBar } from "@/components/charts/stacked-bar-chart";
import type { CallStatsDto } from "@/lib/api/kalliope";
import { CALL_STATUSES } from "@/lib/kalliope-vocabulary";

/** Each outcome keeps its colour on every chart; a status no source lists is drawn in teal. */
const STATUS_COLOURS: Record<string, ChartColourName> = {
  OK: "green",
  CANCELED: "purple",
  NOANSWER: "amber",
  BUSY: "red",
  FAILED: "slate",
  UNAVAILABLE: "sky",
  FORBIDDEN: "pink",
  "??": "teal",
};

/**
 * The outcomes present, in the vocabulary's order (answered first, at the bottom of each bar), then unknown ones,
 * each named by `label` (the reader's language).
 */
export function outcomeSeries(
  stats: Pick<CallStatsDto, "buckets">,
  label: (status: string) => string,
): ChartSeries[] {
  const present = new Set(stats.buckets.flatMap((bucket) => Object.keys(bucket.counts)));
  const known = CALL_STATUSES.filter((status) => present.has(status));
  const unknown = [...present]
    .filter((status) => !(CALL_STATUSES as readonly string[]).includes(status))
    .sort();
  return [...known, ...unknown].map((status) => ({
    id: status,
    label: label(status),
    colour: STATUS_COLOURS[status] ?? "teal",
  }));
}

const HOUR_MS = 3_600_000;
/** More bars than this are not drawn one by one: the range is then shown as it came (only buckets with calls). */
const MAX_FILLED = 24 * 62;

/** PBX wall-clock text stepped as if it were UTC: only the labels are wanted, so no zone rule can shift them. */
const wallMs = (wall: string) => Date.parse(`${wall.slice(0, 10)}T${wall.slice(11, 13) || "00"}:00:00Z`);

/**
 * One bar per hour or day of the queried range, empty ones included: the server lists only buckets that had
 * calls, and a chart that skipped quiet hours would put 09:00 beside 14:00 as if they were neighbours.
 */
export function callBars(stats: Pick<CallStatsDto, "bucket" | "buckets" | "range">): ChartBar[] {
  const counts = new Map(stats.buckets.map((bucket) => [bucket.key, bucket.counts]));
  const hourly = stats.bucket === "hour";
  const step = hourly ? HOUR_MS : 24 * HOUR_MS;
  const start = wallMs(hourly ? stats.range.from : stats.range.from.slice(0, 10));
  const end = wallMs(hourly ? stats.range.to : stats.range.to.slice(0, 10));
  const keys: string[] = [];
  if (Number.isFinite(start) && Number.isFinite(end) && (end - start) / step < MAX_FILLED) {
    for (let at = start; at <= end; at += step) {
      const iso = new Date(at).toISOString();
      keys.push(hourly ? `${iso.slice(0, 10)} ${iso.slice(11, 13)}` : iso.slice(0, 10));
    }
  }
  for (const key of counts.keys()) if (!keys.includes(key)) keys.push(key);
  keys.sort();
  return keys.map((key) => {
    const hour = key.slice(11, 13);
    return {
      key,
      label: hourly ? `${hour}:00` : key.slice(5),
      title: hourly ? `${key.slice(0, 10)} ${hour}:00–${hour}:59` : key,
      values: counts.get(key) ?? {},
    };
  });
}
