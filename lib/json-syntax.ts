/**
 * Where a JSON text first breaks the grammar (RFC 8259), found without quoting it. JSON.parse's own message
 * quotes the body ("Unexpected token '}', "{"password":"…"}" is not valid JSON"), and that message would reach
 * the client, the logs and the audit log; this gives the position alone. Iterative, so a deeply nested body
 * cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot continue the text, or its length when it ends early. */
  offset: number;
  line: number;
  column: number;
  endedEarly: boolean;
}

type Expecting = "value" | "value-or-close" | "key" | "key-or-close" | "colon" | "after-value";

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ["true", "false", "null"];
const ESCAPABLE = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** The end of the string starting at `start` (a quote), or the offset of its first fault as a negative -1-n. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1 - i;
    if (c === 0x5c) {
      const escaped = text[i + 1];
      if (escaped === "u") {
        for (let h = i + 2; h < i + 6; h++)
          if (!/[0-9a-fA-F]/.test(text[h] ?? "")) return -1 - Math.min(h, text.length);
        i += 5;
      } else if (escaped !== undefined && ESCAPABLE.has(escaped)) i += 1;
      else return -1 - Math.min(i + 1, text.length);
    }
  }
  return -1 - text.length;
}

/** The end of the number or literal starting at `start`, or -1-n for the offset of its first fault. */
function scalarEnd(text: string, start: number): number {
  NUMBER.lastIndex = start;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const literal = LITERALS.find((word) => word[0] === text[start]);
  if (!literal) return -1 - start;
  for (let k = 1; k < literal.length; k++)
    if (text[start + k] !== literal[k]) return -1 - Math.min(start + k, text.length);
  return start + literal.length;
}

function at(text: string, offset: number): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { offset, line, column: offset - before.lastIndexOf("\n"), endedEarly: offset >= text.length };
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const open: ("{" | "[")[] = [];
  let expecting: Expecting = "value";
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
    if (i >= text.length) return expecting === "after-value" && open.length === 0 ? null : at(text, i);
    const c = text[i];
    switch (expecting) {
      case "value":
      case "value-or-close": {
        if (c === "]" && expecting === "value-or-close") {
          open.pop();
          i++;
          expecting = "after-value";
        } else if (c === "{" || c === "[") {
          open.push(c);
          i++;
          expecting = c === "{" ? "key-or-close" : "value-or-close";
        } else {
          const end = c === '"' ? stringEnd(text, i) : scalarEnd(text, i);
          if (end < 0) return at(text, -1 - end);
          i = end;
          expecting = "after-value";
        }
        break;
      }
      case "key":
      case "key-or-close": {
        if (c === "}" && expecting === "key-or-close") {
          open.pop();
          i++;
          expecting = "after-value";
          break;
        }
        if (c !== '"') return at(text, i);
        const end = stringEnd(text, i);
        if (end < 0) return at(text, -1 - end);
        i = end;
        expecting = "colon";
        break;
      }
      case "colon":
        if (c !== ":") return at(text, i);
        i++;
        expecting = "value";
        break;
      case "after-value": {
        const container = open.at(-1);
        if (container === undefined) return at(text, i);
        if (c === ",") expecting = container === "{" ? "key" : "value";
        else if (c === (container === "{" ? "}" : "]")) open.pop();
        else return at(text, i);
        i++;
        break;
      }
    }
  }
}

/** "unexpected character at line 3, column 14 (character 52)": a position a person can find, and no content. */
export function describeJsonSyntaxError(text: string): string {
  const fault = findJsonSyntaxError(text);
  if (!fault) return "not valid JSON";
  const where = `line ${fault.line}, column ${fault.column} (character ${fault.offset + 1})`;
  return fault.endedEarly
    ? `not valid JSON: it ends before the JSON is complete, at ${where}`
    : `not valid JSON: unexpected character at ${where}`;
}
