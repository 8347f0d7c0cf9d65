"use client";

import type { CSSProperties } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { type ChartColourName, colourVariables } from "./palette";

/** One series of a chart: what it counts and its colour (a name from the checked palette, never a hex). */
export interface ChartSeries {
  id: string;
  label: string;
  colour: ChartColourName;
}

/** Fills an SVG shape with the series colour of the theme in use. */
export const SERIES_FILL = "fill-(--chart-light) dark:fill-(--chart-dark)";
/** Paints an HTML box (a legend swatch) with the series colour of the theme in use. */
export const SERIES_BACKGROUND = "bg-(--chart-light) dark:bg-(--chart-dark)";

export const seriesStyle = (colour: ChartColourName) => colourVariables(colour) as CSSProperties;

/** Axis and label text: slate-600 / slate-400 keep 4.5:1 on the card in either theme. */
export const AXIS_TEXT = "fill-slate-600 text-[11px] dark:fill-slate-400";

export function Legend({ series }: { series: readonly ChartSeries[] }) {
  const t = useTranslations("charts");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={t("legend")}>
      {series.map((item) => (
        <li key={item.id} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block h-3 w-3 rounded-sm ${SERIES_BACKGROUND}`}
            style={seriesStyle(item.colour)}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
