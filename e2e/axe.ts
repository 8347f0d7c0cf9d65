import { expect, type Page } from "@playwright/test";
import axe from "axe-core";

const WCAG_21_A_AA: axe.RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  // Only the violations are read: axe then keeps one element per passing rule instead of every element of a
  // long table, less to build and to send back.
  resultTypes: ["violations"],
};

/**
 * Every serious or critical WCAG 2.1 A/AA violation on the page, as "rule (impact): where" lines.
 *
 * axe-core is loaded once per page load and run in the page, as cypress-axe does: @axe-core/playwright's
 * AxeBuilder, which every spec used before, loaded it twice for every check (and by default finished each check
 * in a new tab), which took several times as long as the check itself. It runs in the top document only, so a
 * page with frames fails here until its frames are checked too.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  expect(page.frames(), "axe checks the top document only, and the page has frames").toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (options) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, options);
    return violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      targets: nodes.map((node) => node.target.join(" ")),
    }));
  }, WCAG_21_A_AA);
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(", ")}`);
}
