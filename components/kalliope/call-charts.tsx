"use client";

import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import type { CallStatsDto } from "@/lib/api/kalliope";
import { callBars, outcomeSeries } from "./call-buckets";
import { useCallLabels } from "./use-call-labels";

/** One figure; `testId` stays the same in every language, so the journeys find it. */
function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="text-xs text-slate-500 dark:text-slate-400">{label}</div>
      <div className="text-lg font-semibold" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function TopList({ title, rows }: { title: string; rows: CallStatsDto["topCallers"] }) {
  const f = useFormats();
  const max = Math.max(1, ...rows.map((r) => r.calls));
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <ul className="space-y-0.5 text-xs">
        {rows.map((row) => (
          <li key={row.number} className="flex items-center gap-2">
            <span className="w-28 truncate font-mono">{row.number}</span>
            <span
              className="h-2 rounded bg-sky-700 dark:bg-sky-400"
              style={{ width: `${(row.calls / max) * 60}%` }}
            />
            <span>{f.number(row.calls)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CallCharts({ stats }: { stats: CallStatsDto }) {
  const t = useTranslations("kalliope");
  const f = useFormats();
  const labels = useCallLabels();
  return (
    <div className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label={t("charts.calls")} value={f.number(stats.calls)} testId="stat-Calls" />
        <Stat label={t("charts.answered")} value={f.percent(stats.answeredShare)} testId="stat-Answered" />
        <Stat
          label={t("charts.totalDuration")}
          value={f.duration(stats.totalDurationSeconds)}
          testId="stat-Total duration"
        />
        <Stat
          label={t("charts.averageDuration")}
          value={f.duration(stats.averageDurationSeconds)}
          testId="stat-Average duration"
        />
      </div>
      <StackedBarChart
        title={t("charts.title", {
          bucket: stats.bucket,
          from: stats.range.from.slice(0, 10),
          to: stats.range.to.slice(0, 10),
          timeZone: stats.range.timeZone,
        })}
        formatCount={(count) => t("charts.callCount", { count })}
        series={outcomeSeries(stats, labels.status)}
        bars={callBars(stats)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TopList title={t("charts.topCallers")} rows={stats.topCallers} />
        <TopList title={t("charts.topCalled")} rows={stats.topCalled} />
      </div>
    </div>
  );
}
