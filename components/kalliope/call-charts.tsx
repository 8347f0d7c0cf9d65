"use client";

import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { CallStatsDto } from "@/lib/api/kalliope";
import { formatDuration } from "@/lib/kalliope-vocabulary";
import { callBars, outcomeSeries } from "./call-buckets";

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="text-xs text-slate-500 dark:text-slate-400">{label}</div>
      <div className="text-lg font-semibold" data-testid={`stat-${label}`}>
        {value}
      </div>
    </div>
  );
}

function TopList({ title, rows }: { title: string; rows: CallStatsDto["topCallers"] }) {
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
            <span>{row.calls}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CallCharts({ stats }: { stats: CallStatsDto }) {
  return (
    <div className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Calls" value={stats.calls.toLocaleString("en")} />
        <Stat label="Answered" value={`${Math.round(stats.answeredShare * 100)} %`} />
        <Stat label="Total duration" value={formatDuration(stats.totalDurationSeconds)} />
        <Stat label="Average duration" value={formatDuration(stats.averageDurationSeconds)} />
      </div>
      <StackedBarChart
        title={`Calls per ${stats.bucket} by outcome, ${stats.range.from.slice(0, 10)} to ${stats.range.to.slice(0, 10)} (${stats.range.timeZone})`}
        unit="calls"
        series={outcomeSeries(stats)}
        bars={callBars(stats)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TopList title="Top callers" rows={stats.topCallers} />
        <TopList title="Top called" rows={stats.topCalled} />
      </div>
    </div>
  );
}
