import { formatMessage } from "@/lib/i18n/format-message";
import type { Locale } from "@/lib/i18n/locales";
import { ITALIAN_ERRORS } from "./it-errors";
import { Figure, type Message, Text, type TextValue, WordsPerLocale } from "./text";

/** The errors' messages (`text`) in each language, keyed by their English template. */
const ERROR_CATALOGS: Readonly<Record<Exclude<Locale, "en">, Readonly<Record<string, string>>>> = {
  it: ITALIAN_ERRORS,
};

/**
 * A message in a person's language. A `Text` is looked up by its template and its values filled in, each in
 * the same language. What no catalog knows stays English: a vendor's words are quoted as they came, never
 * guessed at.
 */
export function localize(message: Message, locale: Locale): string {
  if (locale === "en") return message.toString();
  if (message instanceof WordsPerLocale) return message.byLocale[locale] ?? message.byLocale.en;
  return renderText(message, locale);
}

/**
 * A handler's result as JSON in a person's language: every `Message` in it (a test's outcome, a row's error)
 * rendered in `locale`. In English a message's own `toJSON` already writes it.
 */
export function localizedJson(result: unknown, locale: Locale): string {
  if (locale === "en") return JSON.stringify(result);
  return JSON.stringify(result, function (this: Record<string, unknown>, key, value: unknown) {
    // JSON.stringify has already called toJSON on `value`: the message itself is still on its holder.
    const held = this[key];
    return held instanceof Text || held instanceof WordsPerLocale ? localize(held, locale) : value;
  });
}

function renderText(message: Text, locale: Exclude<Locale, "en">): string {
  const translated = ERROR_CATALOGS[locale][message.template];
  if (translated === undefined) return message.toString();
  const values = Object.fromEntries(message.values.map((value, index) => [index, valueIn(value, locale)]));
  return formatMessage(translated, values, locale);
}

function valueIn(value: TextValue, locale: Exclude<Locale, "en">): string | number {
  if (value instanceof Text || value instanceof WordsPerLocale) return localize(value, locale);
  if (value instanceof Figure) return value.value;
  // Strings, not numbers, go to formatMessage: an id or a port must not gain a thousands separator.
  return value === null || value === undefined ? String(value) : value.toString();
}
