import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every string of the interface comes from the message catalogs (lib/i18n/messages): this finds the text a
 * view would otherwise show in English to an Italian operator — JSX text, the attributes people read or hear
 * (labels, titles, placeholders), the fields that become headings, labels and toasts. A line that must keep a
 * literal (a product name, a format example) says why with a `// literal: …` comment.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * What already speaks both languages. The views are moved onto the catalogs area by area (issue 18 point 4);
 * each converted folder or file joins this list, which ends as every folder of components/ and app/. Until
 * then a page mixes Italian (navigation, shell, account language) with the English of its view.
 */
const CONVERTED = [
  "components/i18n",
  "components/shell",
  "components/account",
  "components/admin",
  "components/auth",
  "components/palette",
  "components/data-table",
  "components/ui",
  "components/saved-views",
  "components/kiwire",
  "components/kerio",
  "components/connections",
  "components/kalliope",
  "components/kayako",
  "components/charts",
  "components/overview",
  "app",
];

/** Words that read the same in every language the console speaks. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "Kerio",
  "Kerio Operator",
  "Kerio Connect",
  "Kerio Control",
  "Kiwire",
  "Kalliope",
  "KalliopePBX",
  "Kayako",
  "Operator Console",
  "CSV",
  "API",
  "URL",
  "SIP",
  "NAS",
  "QR",
  "OK",
  "ID",
  "IP",
]);

const PATTERNS: readonly RegExp[] = [
  // JSX text between a tag and the next tag (an arrow's `=>` and generics such as `Map<K> | null` are not tags).
  /(?<![=-])>(?!\s*(?:[|&]|\[["']|extends\b))\s*([^<>{}=;()`]*[A-Za-z]{2,}[^<>{}=;()`]*?)\s*(?:<\/[A-Za-z]|(?<!\w)<[A-Za-z]|\{)/g,
  // Attributes people read or hear.
  /\b(?:aria-label|aria-description|placeholder|title|alt|label|description|heading|header|emptyText|confirmLabel)=["']([^"']*[A-Za-z]{2,}[^"']*)["']/g,
  // Object fields that become headings, labels, messages or toasts.
  /\b(?:header|label|title|description|placeholder|heading|message|emptyText|confirmLabel|one|other):\s*["'`]([^"'`]*[A-Za-z]{2,}[^"'`]*)["'`]/g,
  /\btoast(?:\.\w+)?\(\s*["'`]([^"'`]*[A-Za-z]{2,}[^"'`]*)["'`]/g,
];

function sourceFiles(entry: string): string[] {
  if (/\.tsx?$/.test(entry)) return [entry];
  return readdirSync(path.join(ROOT, entry), { withFileTypes: true }).flatMap((child) => {
    const relative = path.posix.join(entry, child.name);
    if (child.isDirectory()) return child.name === "api" && entry === "app" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(child.name) && !/\.test\.tsx?$/.test(child.name) ? [relative] : [];
  });
}

function hardCodedText(file: string, source = readFileSync(path.join(ROOT, file), "utf8")): string[] {
  const lines = source.split("\n");
  const found: string[] = [];
  for (const pattern of PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const text = (match[1] ?? "").replace(/\s+/g, " ").trim();
      const lineIndex =
        source.slice(0, (match.index ?? 0) + match[0].indexOf(match[1] ?? "")).split("\n").length - 1;
      const line = lines[lineIndex] ?? "";
      if (!text || SAME_IN_EVERY_LANGUAGE.has(text) || /\/\/ literal: |^\s*(\/\/|\*|\/\*)/.test(line))
        continue;
      found.push(`${file}:${lineIndex + 1}: ${text}`);
    }
  }
  return found;
}

describe("text people read comes from the message catalogs", () => {
  it.each(CONVERTED)("%s shows no hard-coded English", (entry) => {
    expect(sourceFiles(entry).flatMap((file) => hardCodedText(file))).toEqual([]);
  });

  it("finds the English a view would show, and lets through what reads the same everywhere", () => {
    const view = [
      "export function Panel() {",
      '  toast.success("Saved the panel");',
      "  return (",
      '    <Dialog title="Edit panel" aria-label={t("label")}>',
      "      <p>Nothing to show</p>",
      '      <span>{t("count")}</span> <b>Kerio</b>',
      '      <Input placeholder="0612 345" /> {/* no */}',
      "    </Dialog>",
      "  );",
      "}",
    ].join("\n");
    expect(hardCodedText("panel.tsx", view)).toEqual([
      "panel.tsx:5: Nothing to show",
      "panel.tsx:4: Edit panel",
      "panel.tsx:2: Saved the panel",
    ]);
  });
});
