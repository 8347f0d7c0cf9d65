import { describe, expect, it } from "vitest";
import { formatMessage, placeholdersOf } from "../format-message";
import { LOCALES } from "../locales";
import { CATALOGS } from "./catalogs";

/** Every message of a catalog by dotted key. */
function flatten(node: unknown, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const english = flatten(CATALOGS.en);

describe("the message catalogs", () => {
  it.each(LOCALES)("%s has exactly the English keys", (locale) => {
    expect([...flatten(CATALOGS[locale]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)(
    "every %s message is non-empty, well formed, and uses the English placeholders",
    (locale) => {
      for (const [key, message] of flatten(CATALOGS[locale])) {
        expect(message.trim(), key).not.toBe("");
        expect(() => formatMessage(message, {}, locale), key).not.toThrow();
        expect(placeholdersOf(message), key).toEqual(placeholdersOf(english.get(key) ?? ""));
      }
    },
  );
});
