"use client";

import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { AXIS_TEXT, SERIES_FILL, seriesStyle } from "./chart-parts";
import type { ChartColourName } from "./palette";
import { valueAxis } from "./scale";

export interface SparklinePoint {
  /** Short label under the first and last bar: "Mon", "12-03". */
  label: string;
  /** Full name in the text alternative: "Wednesday 3 December". */
  title: string;
  value: number;
}

export interface SparklineProps {
  /** What the series is: "Calls per day, last 7 days". */
  title: string;
  /** What one unit is, plural: "calls". */
  unit: string;
  points: readonly SparklinePoint[];
  colour?: ChartColourName;
  width?: number;
  height?: number;
}

/**
 * A small trend of a figure: one bar per point (bars, not a line: a day with no calls must show as nothing,
 * not as a slope between its neighbours), the largest value and the first and last labels printed, and the
 * whole series as text for screen readers.
 */
export function Sparkline({ title, unit, points, colour = "sky", width = 140, height = 44 }: SparklineProps) {
  const t = useTranslations("charts");
  const f = useFormats();
  const top = 12;
  const bottom = 14;
  const plot = height - top - bottom;
  const { max } = valueAxis(Math.max(0, ...points.map((point) => point.value)), 1);
  const band = points.length > 0 ? width / points.length : width;
  const barWidth = Math.max(2, band - 3);
  const largest = Math.max(0, ...points.map((point) => point.value));
  const values = points.map((point) => `${point.title} ${f.number(point.value)}`).join(", ");
  const first = points[0];
  const last = points.at(-1);
  return (
    <svg
      role="img"
      aria-label={t("sparkline", { title, unit, values })}
      width={width}
      height={height}
      className="block overflow-visible"
      data-testid="sparkline"
    >
      {points.map((point, i) => {
        const h = (point.value / max) * plot;
        const x = i * band + (band - barWidth) / 2;
        return (
          <g key={point.title}>
            <rect
              x={x}
              y={top + plot - h}
              width={barWidth}
              height={Math.max(h, point.value > 0 ? 1 : 0)}
              className={SERIES_FILL}
              style={seriesStyle(colour)}
            />
            {point.value === largest && largest > 0 && (
              <text x={x + barWidth / 2} y={top + plot - h - 2} textAnchor="middle" className={AXIS_TEXT}>
                {f.number(point.value)}
              </text>
            )}
          </g>
        );
      })}
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} className="stroke-slate-500" />
      {first && (
        <text x={0} y={height - 2} className={AXIS_TEXT}>
          {first.label}
        </text>
      )}
      {last && points.length > 1 && (
        <text x={width} y={height - 2} textAnchor="end" className={AXIS_TEXT}>
          {last.label}
        </text>
      )}
    </svg>
  );
}
