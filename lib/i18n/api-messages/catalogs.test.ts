import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatMessage, placeholdersOf } from "@/lib/i18n/format-message";
import { sourceTemplates } from "@/testing/source-templates";
import { ITALIAN_ERRORS } from "./it-errors";
import { ITALIAN_INPUT } from "./it-input";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FOUND = sourceTemplates(ROOT, ["lib", "app"]);

const CATALOGS = [
  { tag: "text", name: "it-errors.ts", catalog: ITALIAN_ERRORS },
  { tag: "msg", name: "it-input.ts", catalog: ITALIAN_INPUT },
] as const;

describe.each(CATALOGS)("the Italian catalog $name", ({ tag, catalog }) => {
  const used = FOUND.filter((found) => found.tag === tag);

  it("has every message the code writes with its tag, with the same placeholders", () => {
    const missing = used.filter((found) => catalog[found.template] === undefined);
    expect(missing.map((found) => `${found.at}: ${found.template}`)).toEqual([]);
    const mismatched = used.filter(
      (found) =>
        catalog[found.template] !== undefined &&
        placeholdersOf(catalog[found.template] ?? "").join() !== placeholdersOf(found.template).join(),
    );
    expect(mismatched.map((found) => `${found.at}: ${found.template}`)).toEqual([]);
  });

  it("holds no message the code no longer writes", () => {
    const templates = new Set(used.map((found) => found.template));
    expect(Object.keys(catalog).filter((template) => !templates.has(template))).toEqual([]);
  });

  it("renders every entry (balanced braces, plurals with an other case)", () => {
    for (const [template, translated] of Object.entries(catalog)) {
      const values = Object.fromEntries(placeholdersOf(template).map((name) => [name, "2"]));
      expect(() => formatMessage(translated, values, "it"), template).not.toThrow();
    }
  });
});

it("finds the messages in the sources the way the tag sees them", () => {
  expect(FOUND.length).toBeGreaterThan(0);
  expect(FOUND).toContainEqual(
    expect.objectContaining({ tag: "text", template: "Must not contain a NUL character (\\u0000)" }),
  );
});
