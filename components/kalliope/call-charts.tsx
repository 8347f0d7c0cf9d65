"use client";

import type { CallStatsDto } from "@/lib/api/kalliope";
import { CALL_STATUS_LABELS, codeLabel, formatDuration } from "@/lib/kalliope-vocabulary";

const STATUS_COLOURS: Record<string, string> = {
  OK: "#16a34a",
  NOANSWER: "#f59e0b",
  CANCELED: "#a855f7",
  BUSY: "#ef4444",
  FAILED: "#64748b",
  UNAVAILABLE: "#0ea5e9",
  FORBIDDEN: "#111827",
};
const colour = (status: string) => STATUS_COLOURS[status] ?? "#94a3b8";

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

/** Calls per hour or day, stacked by status: plain SVG, one rect per status and bucket. */
function Buckets({ stats }: { stats: CallStatsDto }) {
  const max = Math.max(1, ...stats.buckets.map((b) => b.total));
  const width = Math.max(stats.buckets.length * 14, 200);
  const statuses = [...new Set(stats.buckets.flatMap((b) => Object.keys(b.counts)))].sort();
  return (
    <figure>
      <svg
        role="img"
        aria-label={`Calls per ${stats.bucket} by status`}
        viewBox={`0 0 ${width} 100`}
        className="h-32 w-full"
        preserveAspectRatio="none"
      >
        {stats.buckets.map((bucket, i) => {
          let y = 100;
          return statuses.map((status) => {
            const h = ((bucket.counts[status] ?? 0) / max) * 100;
            y -= h;
            return (
              <rect
                key={`${bucket.key}-${status}`}
                x={i * 14 + 1}
                y={y}
                width={12}
                height={h}
                fill={colour(status)}
              >
                <title>{`${bucket.key}: ${bucket.counts[status] ?? 0} ${status}`}</title>
              </rect>
            );
          });
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs">
        {statuses.map((status) => (
          <span key={status} className="flex items-center gap-1">
            <span className="inline-block h-2 w-2" style={{ background: colour(status) }} />
            {codeLabel(CALL_STATUS_LABELS, status)}
          </span>
        ))}
        <span className="text-slate-500 dark:text-slate-400">
          {stats.buckets[0]?.key ?? ""} … {stats.buckets.at(-1)?.key ?? ""}
        </span>
      </figcaption>
    </figure>
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
            <span className="h-2 rounded bg-sky-600" style={{ width: `${(row.calls / max) * 60}%` }} />
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
      <Buckets stats={stats} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TopList title="Top callers" rows={stats.topCallers} />
        <TopList title="Top called" rows={stats.topCalled} />
      </div>
    </div>
  );
}
