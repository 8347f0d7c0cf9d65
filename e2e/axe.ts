import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** Every serious or critical WCAG 2.1 A/AA violation on the page, as "rule (impact): where" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Only the violations are read: axe then keeps one element per passing rule instead of every element of a
    // long table, which is less to build and to send back.
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // axe.run in the page itself. The default runs axe frame by frame and finishes in a new blank tab, loading
    // axe-core there again, on every check; the console's pages have no frames (this mode would skip only
    // cross-origin ones).
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}
