import { expect, type Page } from "@playwright/test";

/**
 * Opens a foldable page section unless it is already open. The choice is remembered per person and the specs
 * share the demo accounts, so a section may be open or folded when a spec arrives.
 */
export async function unfold(page: Page, title: string) {
  const button = page.getByRole("button", { name: title, exact: true });
  await expect(button).toBeVisible();
  if ((await button.getAttribute("aria-expanded")) === "false") await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
}
