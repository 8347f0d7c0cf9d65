import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { templateOf } from "@/lib/i18n/api-messages/text";

/** A tagged template found in the sources: its tag, its catalog key and where it is. */
export interface FoundTemplate {
  tag: "text" | "msg";
  template: string;
  at: string;
}

const TAG = /(?<![\w$.`])(text|msg)`/g;

/**
 * Every `text\`…\`` and `msg\`…\`` in the TypeScript under `roots`, read the way the tag functions see them
 * (escapes cooked, `{n}` for the n-th value), so the catalog tests check the keys the code really looks up.
 * A small reader of template literals, since the project's TypeScript has no JavaScript API to parse with.
 */
export function sourceTemplates(root: string, folders: readonly string[]): FoundTemplate[] {
  return folders.flatMap((folder) =>
    filesUnder(path.join(root, folder)).flatMap((file) =>
      templatesIn(readFileSync(file, "utf8"), path.relative(root, file)),
    ),
  );
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function templatesIn(source: string, file: string): FoundTemplate[] {
  const found: FoundTemplate[] = [];
  // The literal text of the templates read so far: a word ending in "text" followed by a backquote there
  // (`msg\`Must be text\``) is not a tag.
  const literals: [number, number][] = [];
  for (const match of source.matchAll(TAG)) {
    const start = match.index;
    if (literals.some(([from, to]) => start >= from && start < to)) continue;
    const lineStart = source.lastIndexOf("\n", start) + 1;
    // Examples in comments are not messages.
    if (/^\s*(\/\/|\*|\/\*)/.test(source.slice(lineStart, start))) continue;
    const parts = literalParts(source, start + match[0].length, literals);
    const line = source.slice(0, start).split("\n").length;
    found.push({
      tag: match[1] as "text" | "msg",
      template: templateOf(parts.map(cook)),
      at: `${file}:${line}`,
    });
  }
  return found;
}

/** The raw literal parts of the template literal whose body starts at `from` (just after the backquote). */
function literalParts(source: string, from: number, literals: [number, number][]): string[] {
  const parts: string[] = [];
  let raw = "";
  let index = from;
  let partStart = from;
  while (index < source.length) {
    const char = source[index];
    if (char === "\\") {
      raw += source.slice(index, index + 2);
      index += 2;
    } else if (char === "`") {
      parts.push(raw);
      literals.push([partStart, index]);
      return parts;
    } else if (char === "$" && source[index + 1] === "{") {
      parts.push(raw);
      literals.push([partStart, index]);
      raw = "";
      index = skipExpression(source, index + 2);
      partStart = index;
    } else {
      raw += char;
      index += 1;
    }
  }
  throw new Error(`An unterminated template literal at offset ${from}`);
}

/** The index just after the `}` that closes the expression starting at `from`. */
function skipExpression(source: string, from: number): number {
  let depth = 1;
  let index = from;
  while (index < source.length) {
    const char = source[index];
    if (char === "`") {
      index = skipTemplate(source, index + 1);
      continue;
    }
    if (char === '"' || char === "'") {
      index = skipString(source, index + 1, char);
      continue;
    }
    if (char === "{") depth += 1;
    if (char === "}" && --depth === 0) return index + 1;
    index += 1;
  }
  throw new Error(`An unterminated expression at offset ${from}`);
}

function skipTemplate(source: string, from: number): number {
  let index = from;
  while (index < source.length) {
    const char = source[index];
    if (char === "\\") index += 2;
    else if (char === "`") return index + 1;
    else if (char === "$" && source[index + 1] === "{") index = skipExpression(source, index + 2);
    else index += 1;
  }
  throw new Error(`An unterminated template literal at offset ${from}`);
}

function skipString(source: string, from: number, quote: string): number {
  let index = from;
  while (index < source.length) {
    if (source[index] === "\\") index += 2;
    else if (source[index] === quote) return index + 1;
    else index += 1;
  }
  throw new Error(`An unterminated string at offset ${from}`);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b" };

/** A raw literal part as the tag receives it (the cooked string). */
function cook(raw: string): string {
  return raw.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g,
    (_, sequence: string) => {
      if (sequence.startsWith("u{")) return String.fromCodePoint(Number.parseInt(sequence.slice(2, -1), 16));
      if (sequence.startsWith("u") || sequence.startsWith("x"))
        return String.fromCharCode(Number.parseInt(sequence.slice(1), 16));
      if (sequence === "\n" || sequence === "\r\n") return "";
      return SIMPLE_ESCAPES[sequence] ?? sequence;
    },
  );
}
