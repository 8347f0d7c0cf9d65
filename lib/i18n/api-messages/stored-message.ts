import { isLocale, type Locale } from "@/lib/i18n/locales";
import { Figure, type Message, Text, type TextValue, WordsPerLocale } from "./text";

/**
 * A message as the database keeps it (a connection's last check): its template and values, not its English,
 * so whoever reads it later reads it in their own language.
 */
export type StoredMessage =
  | { template: string; values: StoredValue[] }
  | { words: Partial<Record<Locale, string>> & { en: string } };
type StoredValue = string | number | boolean | null | { figure: number } | StoredMessage;

export function storedMessage(message: Message): StoredMessage {
  if (message instanceof WordsPerLocale) return { words: { ...message.byLocale } };
  return { template: message.template, values: message.values.map(storedValue) };
}

function storedValue(value: TextValue): StoredValue {
  if (value instanceof Text || value instanceof WordsPerLocale) return storedMessage(value);
  if (value instanceof Figure) return { figure: value.value };
  if (value === undefined) return null;
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * The message a row holds, or null when the row holds none this version can read (written before messages
 * were stored this way, or by hand): the caller falls back to the row's English.
 */
export function restoredMessage(stored: unknown): Message | null {
  if (!isObject(stored)) return null;
  if ("words" in stored) {
    const words = stored.words;
    if (!isObject(words) || typeof words.en !== "string") return null;
    const byLocale = Object.fromEntries(
      Object.entries(words).filter(([locale, said]) => isLocale(locale) && typeof said === "string"),
    ) as Partial<Record<Locale, string>> & { en: string };
    return new WordsPerLocale(byLocale);
  }
  if (typeof stored.template !== "string" || !Array.isArray(stored.values)) return null;
  const values: TextValue[] = [];
  for (const value of stored.values) {
    const restored = restoredValue(value);
    if (restored === INVALID) return null;
    values.push(restored);
  }
  return new Text(stored.template, values);
}

const INVALID = Symbol("invalid");

function restoredValue(value: unknown): TextValue | typeof INVALID {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return value as TextValue;
  if (isObject(value) && typeof value.figure === "number") return new Figure(value.figure);
  return restoredMessage(value) ?? INVALID;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
