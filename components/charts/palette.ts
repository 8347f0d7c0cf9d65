/**
 * The chart colours: one shade for the light card (white) and one for the dark card (slate-900), each with at
 * least 3:1 contrast against its card (WCAG 1.4.11, non-text contrast), which `palette.test.ts` checks. A
 * colour is never the only carrier of meaning: every chart has a legend, labelled values and a table.
 */

export interface ChartColour {
  light: `#${string}`;
  dark: `#${string}`;
}

/** The cards charts sit on (`bg-white` and `dark:bg-slate-900`). */
export const CARD_BACKGROUNDS = { light: "#ffffff", dark: "#0f172a" } as const;

export const CHART_COLOURS = {
  green: { light: "#15803d", dark: "#4ade80" },
  amber: { light: "#b45309", dark: "#fbbf24" },
  purple: { light: "#7e22ce", dark: "#c084fc" },
  red: { light: "#dc2626", dark: "#f87171" },
  slate: { light: "#475569", dark: "#94a3b8" },
  sky: { light: "#0369a1", dark: "#38bdf8" },
  pink: { light: "#be185d", dark: "#f472b6" },
  teal: { light: "#0f766e", dark: "#2dd4bf" },
} as const satisfies Record<string, ChartColour>;
export type ChartColourName = keyof typeof CHART_COLOURS;

/** For series the caller has no colour for: the palette in order, round again after the last. */
export const SERIES_ORDER: readonly ChartColourName[] = [
  "sky",
  "amber",
  "purple",
  "green",
  "pink",
  "teal",
  "red",
  "slate",
];

/**
 * The two shades as CSS variables on the element; `fill-(--chart-light) dark:fill-(--chart-dark)` (or `bg-`)
 * then picks the one of the theme in use, so one rendered chart holds in both themes.
 */
export function colourVariables(name: ChartColourName): Record<"--chart-light" | "--chart-dark", string> {
  const colour = CHART_COLOURS[name];
  return { "--chart-light": colour.light, "--chart-dark": colour.dark };
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
