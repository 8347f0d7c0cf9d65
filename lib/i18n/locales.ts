/**
 * The interface's languages. English is the source every message is written in; a catalog that misses a key
 * does not type-check. Zod-free and server-free: the browser, the server and the e2e suite all read it.
 */
export const LOCALES = ["en", "it"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words: a person who cannot read the current language can still find theirs. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", it: "Italiano" };

/**
 * The tag `Intl` formats with. English dates read day-month (en-GB), as the console's operators in Europe
 * expect; Italian uses Italy's conventions (decimal comma, 24-hour clock).
 */
export const INTL_TAGS: Readonly<Record<Locale, string>> = { en: "en-GB", it: "it-IT" };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/**
 * The first supported language of an `Accept-Language` header, by quality then order (RFC 9110 §12.5.4);
 * only the primary subtag counts, so `it-CH` is Italian. No header, or nothing supported: English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, order) => {
      const [range = "", ...parameters] = part.trim().split(";");
      const quality = parameters
        .map((parameter) => parameter.trim().match(/^q=([0-9.]+)$/i)?.[1])
        .find((value) => value !== undefined);
      return {
        primary: range.trim().toLowerCase().split("-")[0] ?? "",
        q: quality ? Number(quality) : 1,
        order,
      };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((entry) => entry.primary).find(isLocale) ?? DEFAULT_LOCALE;
}
