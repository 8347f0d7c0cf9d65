import type { Locale } from "./locales";

/** `create` once per language: Intl formatters are costly to build and cheap to reuse. */
export function perLocale<T>(create: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    const existing = made.get(locale);
    if (existing !== undefined) return existing;
    const value = create(locale);
    made.set(locale, value);
    return value;
  };
}
