import { describe, expect, it } from "vitest";
import { bands, labelledIndexes, niceStep, valueAxis } from "./scale";

describe("niceStep", () => {
  it.each([
    [0.7, false, 1],
    [1.3, false, 2],
    [3, false, 5],
    [7, false, 10],
    [23, false, 50],
    [0.13, false, 0.2],
    [0.3, true, 1],
    [0, true, 1],
  ])("rounds %s up to a 1-2-5 step (whole: %s) = %s", (rough, whole, step) => {
    expect(niceStep(rough, whole)).toBe(step);
  });
});

describe("valueAxis", () => {
  it("ends on the first round tick at or above the largest value, from zero", () => {
    expect(valueAxis(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(valueAxis(40)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(valueAxis(41).max).toBe(60);
  });

  it("gives counts whole ticks only, however small the values", () => {
    expect(valueAxis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(valueAxis(1)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("keeps fractional ticks clean when they are allowed", () => {
    expect(valueAxis(0.9, 3, false).ticks).toEqual([0, 0.5, 1]);
    expect(valueAxis(0.3, 3, false).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("draws an empty or broken series on a 0–1 axis instead of dividing by zero", () => {
    expect(valueAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(-5)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("grows by powers of ten for large totals", () => {
    expect(valueAxis(12_345)).toEqual({ max: 15_000, ticks: [0, 5000, 10_000, 15_000] });
  });
});

describe("labelledIndexes", () => {
  it("labels every category when each has room for its label", () => {
    expect(labelledIndexes(5, 40, 30)).toEqual([0, 1, 2, 3, 4]);
  });

  it("labels every n-th category when labels would overlap, keeping the last when it fits", () => {
    // 24 hours in 480 units: 20 per band, a label needs 45, so every third, and the last (23) is 2 bands on.
    expect(labelledIndexes(24, 20, 45)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
    expect(labelledIndexes(25, 20, 45)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
    expect(labelledIndexes(11, 10, 25)).toEqual([0, 3, 6, 9]);
    expect(labelledIndexes(12, 10, 25)).toEqual([0, 3, 6, 9]);
    expect(labelledIndexes(13, 10, 25)).toEqual([0, 3, 6, 9, 12]);
  });

  it("has nothing to label without categories", () => {
    expect(labelledIndexes(0, 10, 20)).toEqual([]);
  });
});

describe("bands", () => {
  it("splits the width evenly and leaves a gap between bars", () => {
    expect(bands(4, 400)).toEqual({ band: 100, bar: 75 });
    expect(bands(0, 400)).toEqual({ band: 400, bar: 300 });
  });
});
