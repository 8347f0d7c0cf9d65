/**
 * The arithmetic of the load bench: latency percentiles over every response, and the memory trend of a soak
 * run with its verdict. Pure functions, unit-tested in stats.test.ts.
 */

/** Nearest-rank percentile (the value below which `p` percent of the samples fall); NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

export function summarizeLatencies(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p97_5: percentile(sorted, 97.5),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export interface MemorySample {
  /** Seconds since the load started. */
  atSeconds: number;
  rssBytes: number;
  /** V8 heap in use, when the server could be asked for it. */
  heapUsedBytes?: number;
}

/** Least-squares slope of y over x; 0 with fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const { x, y } of points) {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  }
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Caches, JIT code and connection pools fill during the first minute of load, so that minute is reported but
 * left out of the trend: a leak is growth that continues after the console has warmed up.
 */
export const WARM_UP_SECONDS = 60;
/** Growth counts as a leak only when both hold: the last minute is this much above the first ... */
export const GROWTH_TOLERANCE = 0.05;
/** ... and the fitted line still climbs faster than this (0.5 MiB/min is 720 MiB a day). */
export const SLOPE_TOLERANCE_MIB_PER_MINUTE = 0.5;

const MIB = 1024 * 1024;

export interface SeriesTrend {
  /** Mean of the first minute after the warm-up, MiB. */
  firstMinuteMiB: number;
  /** Mean of the last minute, MiB. */
  lastMinuteMiB: number;
  /** Fitted over every sample after the warm-up, MiB per minute. */
  slopeMiBPerMinute: number;
  growing: boolean;
}

export interface MemoryTrend {
  rss: SeriesTrend;
  heapUsed?: SeriesTrend;
  verdict: "no growth" | "growth" | "too short";
}

function seriesTrend(samples: readonly { atSeconds: number; bytes: number }[]): SeriesTrend {
  const afterWarmUp = samples.filter((sample) => sample.atSeconds >= WARM_UP_SECONDS);
  const end = afterWarmUp.at(-1)?.atSeconds ?? 0;
  const mean = (window: readonly { bytes: number }[]) =>
    window.reduce((sum, sample) => sum + sample.bytes, 0) / window.length / MIB;
  const firstMinuteMiB = mean(afterWarmUp.filter((sample) => sample.atSeconds < WARM_UP_SECONDS + 60));
  const lastMinuteMiB = mean(afterWarmUp.filter((sample) => sample.atSeconds > end - 60));
  const slopeMiBPerMinute =
    slope(afterWarmUp.map((sample) => ({ x: sample.atSeconds / 60, y: sample.bytes / MIB }))) || 0;
  return {
    firstMinuteMiB,
    lastMinuteMiB,
    slopeMiBPerMinute,
    growing:
      lastMinuteMiB > firstMinuteMiB * (1 + GROWTH_TOLERANCE) &&
      slopeMiBPerMinute > SLOPE_TOLERANCE_MIB_PER_MINUTE,
  };
}

/** Needs at least three minutes of load: the warm-up, a first and a last minute that do not overlap. */
export function memoryTrend(samples: readonly MemorySample[]): MemoryTrend {
  const rss = seriesTrend(samples.map((sample) => ({ atSeconds: sample.atSeconds, bytes: sample.rssBytes })));
  const withHeap = samples.filter((sample) => sample.heapUsedBytes !== undefined);
  const heapUsed =
    withHeap.length === samples.length && samples.length > 0
      ? seriesTrend(withHeap.map((sample) => ({ atSeconds: sample.atSeconds, bytes: sample.heapUsedBytes! })))
      : undefined;
  const span = (samples.at(-1)?.atSeconds ?? 0) - WARM_UP_SECONDS;
  if (span < 120) return { rss, heapUsed, verdict: "too short" };
  return { rss, heapUsed, verdict: rss.growing || heapUsed?.growing ? "growth" : "no growth" };
}
