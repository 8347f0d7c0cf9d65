/**
 * The arithmetic of a chart, apart from its drawing so it can be tested: a value axis that starts at zero and
 * ends on a round number, ticks a person can read at a glance, and which category labels fit under the bars.
 */

export interface ValueAxis {
  /** The top of the axis: the smallest tick at or above the largest value. */
  max: number;
  /** From 0 to `max`, evenly spaced by a step of 1, 2 or 5 times a power of ten. */
  ticks: number[];
}

/** The round step (1, 2 or 5 × 10ⁿ) nearest above `rough`; at least 1 when only whole values make sense. */
export function niceStep(rough: number, wholeNumbers: boolean): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  return wholeNumbers ? Math.max(1, Math.round(step)) : step;
}

/**
 * A zero-based axis for values up to `largest`, with about `targetTicks` intervals. Counts (calls, tickets)
 * get whole ticks only: "2.5 calls" on an axis reads as a mistake. An empty chart still gets an axis 0–1.
 */
export function valueAxis(largest: number, targetTicks = 4, wholeNumbers = true): ValueAxis {
  const top = Number.isFinite(largest) && largest > 0 ? largest : 0;
  const step = niceStep(top / targetTicks, wholeNumbers);
  const max = Math.max(step, Math.ceil(top / step) * step);
  const ticks: number[] = [];
  // Built from the index, not by adding the step up, so 0.1 + 0.2 never shows as 0.30000000000000004.
  for (let i = 0; i * step <= max + step / 1e9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { max, ticks };
}

/**
 * Which of `count` category labels to print so that no two overlap, given the room per category and the
 * room a label needs: every label when they fit, else every n-th, always the first and, when it has room, the
 * last.
 */
export function labelledIndexes(count: number, bandWidth: number, labelWidth: number): number[] {
  if (count <= 0) return [];
  const every = bandWidth >= labelWidth ? 1 : Math.ceil(labelWidth / Math.max(bandWidth, 1e-9));
  const shown: number[] = [];
  for (let i = 0; i < count; i += every) shown.push(i);
  const last = count - 1;
  const lastShown = shown.at(-1) ?? 0;
  if (lastShown !== last && (last - lastShown) * bandWidth >= labelWidth) shown.push(last);
  return shown;
}

/** Where the bars go: the width of each band and the bar inside it, with a gap that keeps bars apart. */
export function bands(count: number, width: number, gapShare = 0.25): { band: number; bar: number } {
  const band = count > 0 ? width / count : width;
  return { band, bar: Math.max(1, band * (1 - gapShare)) };
}
