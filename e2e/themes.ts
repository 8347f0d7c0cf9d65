import { expect, type Page } from "@playwright/test";
import type { Theme } from "@/lib/theme";

/** The two themes a page is checked in (the third choice, "system", shows one of them). */
export const THEMES = ["light", "dark"] as const satisfies readonly Theme[];

export const themeClass = (theme: Theme) => new RegExp(`\\b${theme}\\b`);

const otherTheme = (theme: Theme): Theme => (theme === THEMES[0] ? THEMES[1] : THEMES[0]);

/**
 * Shows `theme` without a page load, as the theme menu does (applyTheme in components/shell/user-menu.tsx): the
 * class on <html>, which the `dark:` styles key on and the toaster follows (useDocumentTheme). Waits until the
 * colour transitions (buttons' transition-colors) are over, so axe measures the colours a person sees.
 */
export async function switchTheme(page: Page, theme: Theme) {
  await page.evaluate(async (next) => {
    document.documentElement.classList.remove("light", "dark");
    document.documentElement.classList.add(next);
    const transitions = document.getAnimations().filter((animation) => animation instanceof CSSTransition);
    await Promise.all(transitions.map((transition) => transition.finished.catch(() => undefined)));
  }, theme);
  await expect(page.locator("html")).toHaveClass(themeClass(theme));
  await expect(page.locator(`[data-sonner-toaster]:not([data-sonner-theme="${theme}"])`)).toHaveCount(0);
}

/**
 * Runs `check` in the theme the page shows, then switches to the other one without a reload and runs it again:
 * a page load costs more than the checks themselves. Returns the theme now shown, so the next check starts
 * there, one switch instead of two.
 */
export async function inBothThemes(page: Page, shown: Theme, check: (theme: Theme) => Promise<void>) {
  await check(shown);
  const other = otherTheme(shown);
  await switchTheme(page, other);
  await check(other);
  return other;
}
