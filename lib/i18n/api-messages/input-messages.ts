import { formatMessage } from "@/lib/i18n/format-message";
import type { Locale } from "@/lib/i18n/locales";
import { ITALIAN_INPUT } from "./it-input";
import { WordsPerLocale } from "./text";

/** The schemas' messages (`msg`) in each language, keyed by their English template. */
export const INPUT_CATALOGS: Readonly<Record<Exclude<Locale, "en">, Readonly<Record<string, string>>>> = {
  it: ITALIAN_INPUT,
};

/**
 * A schema's message in a person's language. zod hands the message over as the finished English string, so it
 * is looked up whole, then against the templates with holes (`{0} must be an ISO date-time`). A string the
 * catalog does not know (zod's own words, already in the language) is returned as it is.
 */
export function localizeInputMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const catalog = INPUT_CATALOGS[locale];
  const whole = catalog[message];
  if (whole !== undefined) return whole;
  for (const { pattern, template } of patternsOf(locale)) {
    const match = pattern.exec(message);
    const translated = catalog[template];
    if (match && translated !== undefined) {
      return formatMessage(
        translated,
        Object.fromEntries(match.slice(1).map((value, i) => [i, value])),
        locale,
      );
    }
  }
  return message;
}

type TemplatePattern = { pattern: RegExp; template: string };
const patterns = new Map<Locale, TemplatePattern[]>();

/** The templates with holes as patterns, the longest fixed text first so the most specific one wins. */
function patternsOf(locale: Exclude<Locale, "en">): TemplatePattern[] {
  const made = patterns.get(locale);
  if (made) return made;
  const list = Object.keys(INPUT_CATALOGS[locale])
    .map((template) => ({ template, parts: template.split(PLACEHOLDER_SPLIT) }))
    .filter(({ parts }) => parts.length > 1)
    .sort((a, b) => b.parts.join("").length - a.parts.join("").length)
    .map(({ template, parts }) => ({
      template,
      pattern: new RegExp(`^${parts.map(escapeRegExp).join("(.+?)")}$`, "s"),
    }));
  patterns.set(locale, list);
  return list;
}

const PLACEHOLDER_SPLIT = /\{\d+\}/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A schema's message raised outside a parse (a stored value checked again with the schema's rule), in each language. */
export function inputMessage(message: string): WordsPerLocale {
  return new WordsPerLocale({ en: message, it: localizeInputMessage(message, "it") });
}
