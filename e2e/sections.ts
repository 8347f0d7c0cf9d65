import { expect, type Page } from "@playwright/test";

/**
 * Folds or opens a foldable page section, whichever way it is now. The choice is remembered per person and the
 * specs share the demo accounts, so a section may be open or folded when a spec arrives.
 */
async function setFolded(page: Page, title: string, folded: boolean) {
  const button = page.getByRole("button", { name: title, exact: true });
  await expect(button).toBeVisible();
  const expanded = String(!folded);
  if ((await button.getAttribute("aria-expanded")) !== expanded) await button.click();
  await expect(button).toHaveAttribute("aria-expanded", expanded);
}

export const unfold = (page: Page, title: string) => setFolded(page, title, false);
export const fold = (page: Page, title: string) => setFolded(page, title, true);
