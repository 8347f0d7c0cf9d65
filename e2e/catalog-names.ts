import type { Locale } from "@/lib/i18n/locales";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";

/**
 * How a spec written in English names what a person sees in another language: the English text is looked up
 * in the English catalog, and the message at the same place is read in the other one. A text that is in no
 * catalog fails at once, so a spec cannot name something the interface would show untranslated.
 */

type Node = string | { readonly [key: string]: Node };

function messagePaths(node: Node, path: readonly string[] = []): [string, readonly string[]][] {
  if (typeof node === "string") return [[node, path]];
  return Object.entries(node).flatMap(([key, child]) => messagePaths(child, [...path, key]));
}

/** English text → where it is in the catalogs (the first place, when areas repeat a word). */
const PATHS = new Map<string, readonly string[]>();
for (const [text, path] of messagePaths(CATALOGS.en as Node)) if (!PATHS.has(text)) PATHS.set(text, path);

/** The message that reads `english` in English, in `locale`: `say("it", "Add user")` → "Aggiungi utente". */
export function say(locale: Locale, english: string): string {
  const path = PATHS.get(english);
  if (!path) throw new Error(`no message of the English catalog reads "${english}"`);
  let node = CATALOGS[locale] as Node;
  for (const key of path) node = typeof node === "string" ? node : (node[key] as Node);
  if (typeof node !== "string") throw new Error(`"${english}" is not a message in ${locale}`);
  return node;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A message with values, matched by its words before the first value: `startOf("en", "Edit {name}")` →
 * /^Edit /, so a spec can find "Edit Hotel Roma" without knowing the name.
 */
export function startOf(locale: Locale, englishTemplate: string): RegExp {
  const message = say(locale, englishTemplate);
  return new RegExp(`^${escapeRegExp(message.split("{")[0] ?? "")}`);
}
