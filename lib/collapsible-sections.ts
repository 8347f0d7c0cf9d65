/**
 * The parts of a page a person can fold away to bring the list up (statistics, charts), remembered per person
 * on the server so the page renders as they left it from its first paint, on every device. Plain data: the
 * section (a client component) names itself with one of these, and the contract accepts only these.
 */
export const COLLAPSIBLE_SECTIONS = ["kalliope-call-charts"] as const;
export type CollapsibleSectionId = (typeof COLLAPSIBLE_SECTIONS)[number];

/**
 * How a section starts for a person who never chose. The call statistics start folded: with the chart and the
 * top lists open the first call is a screen below the filters, and people open this page to find calls (the
 * folded heading still says the day's figures).
 */
export const FOLDED_BY_DEFAULT: Readonly<Record<CollapsibleSectionId, boolean>> = {
  "kalliope-call-charts": true,
};
