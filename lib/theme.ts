export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/**
 * The theme the page shows, read from the class on <html> (set by the server from the cookie and by the theme
 * menu): no class means the system setting decides.
 */
export function themeOfRootClasses(classes: Pick<DOMTokenList, "contains">): Theme {
  if (classes.contains("dark")) return "dark";
  if (classes.contains("light")) return "light";
  return "system";
}
