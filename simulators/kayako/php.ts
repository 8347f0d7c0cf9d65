/**
 * The few PHP and MySQL semantics the Kayako server code leans on. The simulator reproduces them on
 * purpose: which ID strings a controller accepts, treats as "all" or silently drops is decided by these
 * rules in the real helpdesk (notes §4, server source S6), not by anything the documents state.
 */

const PHP_WHITESPACE = " \t\n\r\v\f";

/** PHP `empty()` on a request value: absent, "" and "0" are all empty. */
export function phpEmpty(value: string | undefined): boolean {
  return value === undefined || value === "" || value === "0";
}

/** Characters PHP `trim()` strips by default: space, \t, \n, \r, NUL and vertical tab. */
const TRIMMED = new Set([" ", "\t", "\n", "\r", "\u0000", "\u000b"]);

/** PHP `trim()` with its default character list. */
export function phpTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && TRIMMED.has(value.charAt(start))) start++;
  while (end > start && TRIMMED.has(value.charAt(end - 1))) end--;
  return value.slice(start, end);
}

const NUMERIC_STRING = new RegExp(
  `^[${PHP_WHITESPACE}]*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?[${PHP_WHITESPACE}]*$`,
);

/** PHP 8 `is_numeric()` for strings (leading and trailing whitespace allowed). */
export function isPhpNumeric(value: string): boolean {
  return NUMERIC_STRING.test(value);
}

/** PHP `(int)` cast of a string: numeric strings are truncated, others use their leading digits, else 0. */
export function phpIntval(value: string | undefined): number {
  if (value === undefined) return 0;
  if (isPhpNumeric(value)) {
    const number = Math.trunc(Number(value.trim()));
    return Number.isFinite(number) ? number : 0;
  }
  const match = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(value);
  return match?.[1] ? Number.parseInt(match[1], 10) : 0;
}

/** How MySQL compares a string to an integer column: its leading numeric prefix, else 0. */
export function mysqlNumber(value: string): number {
  const match = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(value);
  return match ? Number(match[0]) : 0;
}

/**
 * The integer a string becomes as a PHP array key, or null when PHP keeps it a string key. Kayako's
 * "is this ID valid" checks are `isset($cache[$_POST['x']])`, so only canonical decimal integers hit.
 */
export function phpIntegerKey(value: string): number | null {
  return /^(0|-?[1-9]\d*)$/.test(value) ? Number(value) : null;
}

/** PHP 8 loose `$string == $int`: numeric strings compare as numbers, others as strings. */
export function phpLooseEqualsInt(value: string, integer: number): boolean {
  return isPhpNumeric(value) ? Number(value.trim()) === integer : value === String(integer);
}

/** `Controller_Ticket::RetrieveIDListFromCSV`: a number, a comma list of numbers, or else `[0]`. */
export function retrieveIdListFromCsv(value: string): number[] {
  if (isPhpNumeric(value)) return [phpIntval(value)];
  if (value.includes(",")) {
    return value
      .split(",")
      .filter((part) => isPhpNumeric(part))
      .map((part) => phpIntval(part));
  }
  return [0];
}

/** PHP `htmlspecialchars()` with the PHP 8.1 defaults (ENT_QUOTES): used for XML attribute values. */
export function phpHtmlSpecialChars(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#039;");
}
