import { formatMessage } from "@/lib/i18n/format-message";
import type { Locale } from "@/lib/i18n/locales";
import { localizeInputMessage } from "./input-messages";
import { ITALIAN_ERRORS } from "./it-errors";
import { type Message, Text, type TextValue, WordsPerLocale } from "./text";

/** The errors' messages (`text`) in each language, keyed by their English template. */
const ERROR_CATALOGS: Readonly<Record<Exclude<Locale, "en">, Readonly<Record<string, string>>>> = {
  it: ITALIAN_ERRORS,
};

/**
 * A message in a person's language. A `Text` is looked up by its template and its values filled in, each in
 * the same language; a plain string is a schema's `msg` (or a vendor's own words) and goes to the schemas'
 * catalog. What no catalog knows stays English: a vendor's words are quoted as they came, never guessed at.
 */
export function localize(message: Message, locale: Locale): string {
  if (locale === "en") return message.toString();
  if (message instanceof WordsPerLocale) return message.byLocale[locale] ?? message.byLocale.en;
  if (message instanceof Text) return renderText(message, locale);
  return localizeInputMessage(message, locale);
}

function renderText(message: Text, locale: Exclude<Locale, "en">): string {
  const translated = ERROR_CATALOGS[locale][message.template];
  if (translated === undefined) return message.toString();
  const values = Object.fromEntries(message.values.map((value, index) => [index, valueIn(value, locale)]));
  return formatMessage(translated, values, locale);
}

function valueIn(value: TextValue, locale: Exclude<Locale, "en">): string {
  if (value instanceof Text || value instanceof WordsPerLocale) return localize(value, locale);
  // Strings, not numbers, go to formatMessage: an id or a port must not gain a thousands separator.
  return value === null || value === undefined ? String(value) : value.toString();
}
