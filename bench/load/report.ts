import type { EndpointResult } from "./run";
import { type MemorySample, type MemoryTrend, summarizeLatencies } from "./stats";

/** Markdown tables of a run, ready to paste into docs/benchmarks.md. */

interface Row {
  name: string;
  connections: number;
  responses: number;
  latenciesMs: number[];
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
}

const rowOf = ({ endpoint, connections, result, latenciesMs }: EndpointResult): Row => ({
  name: endpoint.name,
  connections,
  responses: latenciesMs.length,
  latenciesMs,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statuses: Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count ?? 0]),
  ),
});

function merge(name: string, rows: readonly Row[]): Row {
  const statuses: Record<string, number> = {};
  for (const row of rows)
    for (const [status, count] of Object.entries(row.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  return {
    name,
    connections: rows.reduce((sum, row) => sum + row.connections, 0),
    responses: rows.reduce((sum, row) => sum + row.responses, 0),
    latenciesMs: rows.flatMap((row) => row.latenciesMs),
    errors: rows.reduce((sum, row) => sum + row.errors, 0),
    timeouts: rows.reduce((sum, row) => sum + row.timeouts, 0),
    non2xx: rows.reduce((sum, row) => sum + row.non2xx, 0),
    statuses,
  };
}

const ms = (value: number) =>
  Number.isNaN(value) ? "-" : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;

export interface RunTotals {
  responses: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Status codes other than 2xx, with their counts, e.g. { "500": 3 }. */
  unexpectedStatuses: Record<string, number>;
}

export function loadTable(
  results: readonly EndpointResult[],
  durationSeconds: number,
): { table: string; totals: RunTotals } {
  const rows = results.map(rowOf);
  const reads = merge(
    "all reads",
    rows.filter((_, index) => !results[index]!.endpoint.write),
  );
  const writes = merge(
    "all writes",
    rows.filter((_, index) => results[index]!.endpoint.write),
  );
  const overall = merge("**overall**", rows);
  const lines = [
    "| endpoint | conn. | req/s | p50 | p97.5 | p99 | max | errors | timeouts | non-2xx |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...[...rows, reads, writes, overall].map((row) => {
      const latency = summarizeLatencies(row.latenciesMs);
      const non2xx = Object.entries(row.statuses)
        .filter(([status]) => !status.startsWith("2"))
        .map(([status, count]) => `${count}×${status}`)
        .join(" ");
      return `| ${row.name} | ${row.connections} | ${(row.responses / durationSeconds).toFixed(1)} | ${ms(latency.p50)} | ${ms(latency.p97_5)} | ${ms(latency.p99)} | ${ms(latency.max)} | ${row.errors} | ${row.timeouts} | ${row.non2xx}${non2xx ? ` (${non2xx})` : ""} |`;
    }),
  ];
  const unexpectedStatuses = Object.fromEntries(
    Object.entries(overall.statuses).filter(([status]) => !status.startsWith("2")),
  );
  return {
    table: lines.join("\n"),
    totals: {
      responses: overall.responses,
      errors: overall.errors,
      timeouts: overall.timeouts,
      non2xx: overall.non2xx,
      unexpectedStatuses,
    },
  };
}

const mib = (bytes: number | undefined) =>
  bytes === undefined ? "-" : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const mibOrDash = (value: number) => (Number.isNaN(value) ? "-" : `${value.toFixed(1)} MiB`);
const trendLine = (label: string, trend: MemoryTrend["rss"] | undefined) =>
  trend
    ? `| ${label} | ${mibOrDash(trend.firstMinuteMiB)} | ${mibOrDash(trend.lastMinuteMiB)} | ${trend.slopeMiBPerMinute >= 0 ? "+" : ""}${trend.slopeMiBPerMinute.toFixed(2)} MiB/min | ${trend.growing ? "growing" : "flat"} |`
    : `| ${label} | - | - | - | not sampled |`;

export function memoryTable(samples: readonly MemorySample[], trend: MemoryTrend): string {
  const first = samples[0];
  const last = samples.at(-1);
  return [
    `Samples: ${samples.length}, every 10 s. After set-up and warm-up, before the load: RSS ${mib(first?.rssBytes)}, heap ${mib(first?.heapUsedBytes)}; at the end: RSS ${mib(last?.rssBytes)}, heap ${mib(last?.heapUsedBytes)}. Peak RSS ${mib(Math.max(...samples.map((sample) => sample.rssBytes)))}.`,
    "",
    "| series | first minute after warm-up | last minute | slope after warm-up | trend |",
    "|---|---|---|---|---|",
    trendLine("resident set (VmRSS)", trend.rss),
    trendLine("V8 heap used", trend.heapUsed),
    "",
    `Verdict: **${trend.verdict}**.`,
  ].join("\n");
}
