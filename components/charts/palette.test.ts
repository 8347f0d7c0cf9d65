import { describe, expect, it } from "vitest";
import { CARD_BACKGROUNDS, CHART_COLOURS, contrastRatio, SERIES_ORDER } from "./palette";

describe("contrastRatio", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // The old FORBIDDEN colour on the dark card: the reason this palette exists.
    expect(contrastRatio("#111827", CARD_BACKGROUNDS.dark)).toBeLessThan(1.2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

describe("the chart palette", () => {
  it.each(Object.entries(CHART_COLOURS))("%s holds 3:1 against the light and the dark card", (_, colour) => {
    expect(contrastRatio(colour.light, CARD_BACKGROUNDS.light)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colour.dark, CARD_BACKGROUNDS.dark)).toBeGreaterThanOrEqual(3);
  });

  it("orders every colour once for series without their own", () => {
    expect([...SERIES_ORDER].sort()).toEqual(Object.keys(CHART_COLOURS).sort());
  });
});
