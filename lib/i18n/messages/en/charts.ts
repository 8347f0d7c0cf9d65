export const charts = {
  showTable: "Show as table",
  showChart: "Show as chart",
  total: "Total",
  legend: "Legend",
  barHint: "Point at a bar or focus it (Tab) to read its values.",
  /** A bar's name for a screen reader and under the chart: "3 Dec: 42 calls (Answered 30, Busy 12)". */
  bar: "{title}: {total}",
  barWithParts: "{title}: {total} ({parts})",
  /** A sparkline's text alternative: "Calls per day, last 7 days (calls): Monday 1 December 40, …". */
  sparkline: "{title} ({unit}): {values}",
};
