"use client";

import { useId, useState } from "react";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { AXIS_TEXT, type ChartSeries, Legend, SERIES_FILL, seriesStyle } from "./chart-parts";
import { bands, labelledIndexes, valueAxis } from "./scale";
import { useWidth } from "./use-width";

/** One bar: its short axis label, its full name (tooltip and table), and a value per series id. */
export interface ChartBar {
  key: string;
  label: string;
  title: string;
  values: Readonly<Record<string, number>>;
}

export interface StackedBarChartProps {
  /** Names the chart (its caption, the table's caption). */
  title: string;
  /** A count with its unit, in the reader's language: 12 → "12 calls". */
  formatCount: (count: number) => string;
  series: readonly ChartSeries[];
  bars: readonly ChartBar[];
  height?: number;
}

const MARGIN = { top: 18, right: 8, bottom: 24, left: 44 };
/** An 11 px digit or letter is about 6.5 px wide; a label also needs a little air on each side. */
const textWidth = (text: string) => text.length * 6.5 + 8;

const totalOf = (bar: ChartBar, series: readonly ChartSeries[]) =>
  series.reduce((sum, item) => sum + (bar.values[item.id] ?? 0), 0);

/**
 * Bars stacked by series, with a value axis, category labels that never overlap, each bar's total above it,
 * each bar focusable and named with its values (what it says also shows under the chart), a legend, and the
 * same figures as a table for whoever prefers one.
 */
export function StackedBarChart({ title, formatCount, series, bars, height = 220 }: StackedBarChartProps) {
  const t = useTranslations("charts");
  const f = useFormats();
  const titleId = useId();
  const tableId = useId();
  const [asTable, setAsTable] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [frame, width] = useWidth<HTMLDivElement>(640);

  const totals = bars.map((bar) => totalOf(bar, series));
  const axis = valueAxis(Math.max(0, ...totals));
  const plotWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const { band, bar: barWidth } = bands(bars.length, plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / axis.max) * plotHeight;
  const longestLabel = Math.max(0, ...bars.map((bar) => textWidth(bar.label)));
  const labelled = new Set(labelledIndexes(bars.length, band, longestLabel));
  const activeBar = active === null ? undefined : bars[active];
  const describeBar = (bar: ChartBar) => {
    const parts = series
      .filter((item) => (bar.values[item.id] ?? 0) > 0)
      .map((item) => `${item.label} ${f.number(bar.values[item.id] ?? 0)}`);
    const total = formatCount(totalOf(bar, series));
    return parts.length
      ? t("barWithParts", { title: bar.title, total, parts: parts.join(", ") })
      : t("bar", { title: bar.title, total });
  };

  return (
    <figure aria-labelledby={titleId} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption id={titleId} className="text-sm font-semibold">
          {title}
        </figcaption>
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={asTable}
          aria-controls={tableId}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {asTable ? t("showChart") : t("showTable")}
        </Button>
      </div>
      <div id={tableId}>
        {asTable ? (
          <Table aria-label={title}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <Th />
                {series.map((item) => (
                  <Th key={item.id} className="text-right">
                    {item.label}
                  </Th>
                ))}
                <Th className="text-right">{t("total")}</Th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar, i) => (
                <tr key={bar.key}>
                  <th scope="row" className="px-3 py-1 text-left font-normal whitespace-nowrap">
                    {bar.title}
                  </th>
                  {series.map((item) => (
                    <Td key={item.id} className="text-right tabular-nums">
                      {f.number(bar.values[item.id] ?? 0)}
                    </Td>
                  ))}
                  <Td className="text-right font-medium tabular-nums">{f.number(totals[i] ?? 0)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <div ref={frame} data-testid="chart-frame">
            {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names its bars */}
            <svg
              role="group"
              aria-labelledby={titleId}
              width={width}
              height={height}
              className="block max-w-full overflow-visible"
              onMouseLeave={() => setActive(null)}
            >
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group, not focusable; each bar says its values */}
              <g aria-hidden="true" data-testid="value-axis">
                {axis.ticks.map((tick) => (
                  <g key={tick}>
                    <line
                      x1={MARGIN.left}
                      x2={MARGIN.left + plotWidth}
                      y1={y(tick)}
                      y2={y(tick)}
                      className={tick === 0 ? "stroke-slate-500" : "stroke-slate-200 dark:stroke-slate-700"}
                    />
                    <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className={AXIS_TEXT}>
                      {f.number(tick)}
                    </text>
                  </g>
                ))}
              </g>
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group, not focusable; each bar names itself */}
              <g aria-hidden="true" data-testid="category-axis">
                {bars.map((bar, i) =>
                  labelled.has(i) ? (
                    <text
                      key={bar.key}
                      x={MARGIN.left + i * band + band / 2}
                      y={height - 6}
                      textAnchor="middle"
                      className={AXIS_TEXT}
                    >
                      {bar.label}
                    </text>
                  ) : null,
                )}
              </g>
              {bars.map((bar, i) => {
                const x = MARGIN.left + i * band + (band - barWidth) / 2;
                const total = totals[i] ?? 0;
                let stacked = 0;
                return (
                  // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a bar is an image of its values, focused to read them
                  <g
                    key={bar.key}
                    role="img"
                    tabIndex={0}
                    aria-label={describeBar(bar)}
                    className="outline-none"
                    onFocus={() => setActive(i)}
                    onBlur={() => setActive(null)}
                    onMouseEnter={() => setActive(i)}
                  >
                    {/* The whole band takes the pointer, so a short bar is as easy to hover as a tall one. */}
                    <rect
                      x={MARGIN.left + i * band}
                      y={MARGIN.top}
                      width={band}
                      height={plotHeight}
                      fill="transparent"
                    />
                    {series.map((item) => {
                      const value = bar.values[item.id] ?? 0;
                      if (value <= 0) return null;
                      const top = y(stacked + value);
                      const segment = y(stacked) - top;
                      stacked += value;
                      return (
                        <rect
                          key={item.id}
                          x={x}
                          y={top}
                          width={barWidth}
                          height={segment}
                          className={`${SERIES_FILL} stroke-white stroke-1 dark:stroke-slate-900`}
                          style={seriesStyle(item.colour)}
                        />
                      );
                    })}
                    {active === i && (
                      <rect
                        x={MARGIN.left + i * band + 0.5}
                        y={MARGIN.top - 2}
                        width={band - 1}
                        height={plotHeight + 2}
                        fill="none"
                        className="stroke-sky-700 stroke-2 dark:stroke-sky-300"
                      />
                    )}
                    {total > 0 && textWidth(f.number(total)) - 8 <= band && (
                      <text
                        x={x + barWidth / 2}
                        y={y(total) - 4}
                        textAnchor="middle"
                        className="fill-slate-800 text-[11px] dark:fill-slate-200"
                      >
                        {f.number(total)}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
            <p
              aria-hidden="true"
              className="min-h-5 text-xs text-slate-700 dark:text-slate-300"
              data-testid="bar-values"
            >
              {activeBar ? describeBar(activeBar) : t("barHint")}
            </p>
          </div>
        )}
      </div>
      <Legend series={series} />
    </figure>
  );
}
