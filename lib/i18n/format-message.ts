import { INTL_TAGS, type Locale } from "./locales";
import { perLocale } from "./per-locale";

/** What a message's placeholders are filled with. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Fills a message written in a subset of ICU MessageFormat — the part this console's messages use:
 * `{name}`, `{count, plural, =0 {…} one {# item} other {# items}}` (with `#` for the number) and
 * `{kind, select, a {…} other {…}}`, nested. Numbers are formatted for the locale. A placeholder without a
 * value is left as written, so a missing value shows in the interface instead of vanishing.
 *
 * A full ICU parser (what next-intl ships) weighs about 9 KiB gzip in every page's first load; this is the
 * part of it the catalogs need, and the catalog tests hold every message to it.
 */
export function formatMessage(template: string, values: MessageValues | undefined, locale: Locale): string {
  return render(template, values ?? {}, locale, undefined);
}

function render(template: string, values: MessageValues, locale: Locale, pound: number | undefined): string {
  let out = "";
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    if (char === "#" && pound !== undefined) {
      out += numberFormat(locale).format(pound);
      index += 1;
    } else if (char === "{") {
      const end = matchingBrace(template, index);
      out += argument(template.slice(index + 1, end), values, locale);
      index = end + 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function argument(body: string, values: MessageValues, locale: Locale): string {
  const [name = "", type, ...rest] = body.split(",");
  const key = name.trim();
  const value = values[key];
  if (type === undefined) {
    if (value === undefined) return `{${key}}`;
    return typeof value === "number" ? numberFormat(locale).format(value) : value;
  }
  const options = parseOptions(rest.join(","));
  const kind = type.trim();
  if (kind === "plural") {
    const count = typeof value === "number" ? value : Number(value);
    const chosen =
      options.get(`=${count}`) ??
      options.get(pluralRules(locale).select(count)) ??
      options.get("other") ??
      "";
    return render(chosen, values, locale, count);
  }
  if (kind === "select") {
    return render(options.get(String(value)) ?? options.get("other") ?? "", values, locale, undefined);
  }
  return `{${body}}`;
}

/** `one {…} other {…}` → selector → sub-message. */
function parseOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf("{", index);
    if (open < 0) break;
    const selector = text.slice(index, open).trim();
    const close = matchingBrace(text, open);
    options.set(selector, text.slice(open + 1, close));
    index = close + 1;
  }
  return options;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === "{") depth += 1;
    else if (text[index] === "}" && --depth === 0) return index;
  }
  throw new Error(`Unbalanced braces in the message "${text}"`);
}

const numberFormat = perLocale((locale) => new Intl.NumberFormat(INTL_TAGS[locale]));
const pluralRules = perLocale((locale) => new Intl.PluralRules(INTL_TAGS[locale]));

/** The placeholders a message uses (plural and select arguments included), for the catalog tests. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const visit = (text: string) => {
    let index = 0;
    while (index < text.length) {
      if (text[index] !== "{") {
        index += 1;
        continue;
      }
      const end = matchingBrace(text, index);
      const [name = "", type, ...rest] = text.slice(index + 1, end).split(",");
      names.add(name.trim());
      if (type !== undefined) for (const sub of parseOptions(rest.join(",")).values()) visit(sub);
      index = end + 1;
    }
  };
  visit(template);
  return [...names].sort();
}
