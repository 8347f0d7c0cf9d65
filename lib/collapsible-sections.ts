/**
 * The parts of a page a person can fold away to bring the list up (statistics, charts), remembered per person
 * on the server so the page renders folded from its first paint, on every device. Plain data: the section
 * (a client component) names itself with one of these, and the contract accepts only these.
 */
export const COLLAPSIBLE_SECTIONS = ["kalliope-call-charts"] as const;
export type CollapsibleSectionId = (typeof COLLAPSIBLE_SECTIONS)[number];
