import "server-only";
import type { ConnectionExchangeDto, ExchangeBodyDto } from "@/lib/api/connection-exchanges";
import { EXCHANGE_BODY_BYTES } from "@/lib/connection-exchanges-limits";
import type { HttpExchange } from "@/lib/server/http/client";

/**
 * Turns one raw exchange into what diagnostics may keep, in two independent passes so that either alone
 * would keep the known secrets out:
 * 1. by name: headers, query and form fields, JSON members and XML elements/attributes whose names mean a
 *    secret lose their values, which are collected;
 * 2. by value: every secret of the connection, every value collected in pass 1 (session tokens, cookies,
 *    salts) and every value learned from earlier exchanges is replaced wherever it appears, raw or in its
 *    URL-encoded, form-encoded, JSON-escaped, XML-escaped or base64 spelling.
 * Bodies are cut at 4 KiB only afterwards, so a cut can never leave half a secret behind.
 */

export const REDACTED = "[redacted]";

/** Shorter values are not hunted by value (a 2-character "secret" would blank the whole exchange). */
export const MIN_SECRET_LENGTH = 4;

/**
 * Only the start of a body is redacted and kept: appliances answer megabytes of CDRs, and redacting all of
 * it would hold the event loop for nothing that is shown (4 KiB are). Four times what is kept leaves room
 * for redaction to shrink the text without the window's cut edge coming into view.
 */
const REDACTION_WINDOW_BYTES = 4 * EXCHANGE_BODY_BYTES;

/**
 * Values removed by name in one exchange that are also hunted by value. A list answer can name thousands
 * (`"token"` on every row); those are all blanked by name, and hunting each by value would cost far more than
 * it could catch.
 */
const MAX_FOUND_PER_EXCHANGE = 32;

const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|^x-(token|auth)|token|secret|passw|signature|session|api-?key/i;

/**
 * Field names that mean a secret, in any of the vendors' spellings: password/passwd, token, api_key/apikey,
 * apiKey/secretKey (camelCase "Key" ends), key, secret, signature, salt, session ids, auth, cookies.
 */
const SECRET_FIELD =
  /pass(w|$|phrase|code)|secret|token|api_?key|(^|[_-])key$|signature|salt|session|^sid$|^auth(?!or)|cookie|credential/i;
const CAMEL_KEY = /[a-z]Key$/;

/**
 * Answers per field name, kept: a list answer repeats the same dozen names on every row, and testing each
 * against the patterns again was a large share of recording an exchange. Cleared when full, to stay bounded.
 */
const SECRET_NAMES_KEPT = 4096;
const secretNames = new Map<string, boolean>();

function namesSecret(name: string): boolean {
  let secret = secretNames.get(name);
  if (secret === undefined) {
    if (secretNames.size >= SECRET_NAMES_KEPT) secretNames.clear();
    secret = SECRET_FIELD.test(name) || CAMEL_KEY.test(name);
    secretNames.set(name, secret);
  }
  return secret;
}

/** `code` is a login code on a login path (Kiwire's md5(user|pass)), and an ordinary code anywhere else. */
function isSecretField(name: string, path: string): boolean {
  if (namesSecret(name)) return true;
  return name.toLowerCase() === "code" && /login/i.test(path);
}

export interface RedactionResult {
  exchange: Omit<ConnectionExchangeDto, "id">;
  /** Values removed by name: the caller remembers them, so a session token is found by value later on. */
  found: string[];
}

/** Collects the values pass 1 removes. */
class Harvest {
  readonly values = new Set<string>();
  add(value: string | undefined): void {
    if (value && value.length >= MIN_SECRET_LENGTH && this.values.size < MAX_FOUND_PER_EXCHANGE)
      this.values.add(value);
  }
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return part;
  }
}

/** `a=1&password=x`: secret fields keep their names, lose their values; the rest stays as sent. */
function redactForm(text: string, path: string, harvest: Harvest): string {
  return text
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at < 0) return pair;
      const name = decodeFormPart(pair.slice(0, at));
      if (!isSecretField(name, path)) return pair;
      const raw = pair.slice(at + 1);
      harvest.add(raw);
      harvest.add(decodeFormPart(raw));
      return `${pair.slice(0, at)}=${REDACTED}`;
    })
    .join("&");
}

/**
 * Text level, so the body keeps its exact spelling (and a body cut mid-way is redacted all the same). A value
 * that opens an object or an array matches as that one character: the members inside match on their own.
 */
const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"|[-\w.+]+|[{[])/g;

function unescapeJson(quoted: string): string {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === "string" ? value : quoted;
  } catch {
    return quoted.replace(/^"|"$/g, "");
  }
}

/** A member name as its text spells it: only a name with an escape needs JSON's reading. */
const memberName = (quoted: string) => (quoted.includes("\\") ? unescapeJson(`"${quoted}"`) : quoted);

/**
 * Secret members with a string or plain value lose it; whether a secret name holds an object or an array is
 * answered too, since only then is the body worth parsing whole (`harvestJsonTree`). The text is rebuilt only
 * when something was redacted: most answers (a page of extensions) have no secret member at all.
 */
function redactJsonMembers(
  text: string,
  path: string,
  harvest: Harvest,
): { text: string; nestsSecret: boolean } {
  let nestsSecret = false;
  let redacted = "";
  let kept = 0;
  for (const match of text.matchAll(JSON_MEMBER)) {
    const [whole, name = "", colon = "", value = ""] = match;
    if (!isSecretField(memberName(name), path)) continue;
    if (value === "{" || value === "[") {
      nestsSecret = true;
      continue;
    }
    harvest.add(value.startsWith('"') ? unescapeJson(value) : value);
    redacted += `${text.slice(kept, match.index)}"${name}"${colon}"${REDACTED}"`;
    kept = match.index + whole.length;
  }
  return { text: kept === 0 ? text : redacted + text.slice(kept), nestsSecret };
}

/** Strings nested under a secret member (`"token": {"value": …}`), which the text pass cannot see whole. */
function harvestJsonTree(text: string, path: string, harvest: Harvest): void {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return;
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch {
    return;
  }
  const walk = (value: unknown, secret: boolean, depth: number): void => {
    if (depth > 20) return;
    // Strings only: a number under a secret object (`"expires": 1200`) is a setting, and hunting "1200"
    // by value would blank every count and port in the exchange.
    if (typeof value === "string") {
      if (secret) harvest.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, secret, depth + 1);
    } else if (value && typeof value === "object") {
      for (const [name, item] of Object.entries(value))
        walk(item, secret || isSecretField(name, path), depth + 1);
    }
  };
  walk(tree, false, 0);
}

const XML_ELEMENT = /<([A-Za-z_][\w.:-]*)(\s[^>]*)?>(<!\[CDATA\[[\s\S]*?\]\]>|[^<]*)<\/\1\s*>/g;
const XML_ATTRIBUTE = /([A-Za-z_][\w.:-]*)(\s*=\s*)("([^"]*)"|'([^']*)')/g;

function redactXml(text: string, path: string, harvest: Harvest): string {
  const elements = text.replace(XML_ELEMENT, (whole, name: string, attributes = "", content: string) => {
    if (!isSecretField(name.replace(/^.*:/, ""), path)) return whole;
    harvest.add(content.replace(/^<!\[CDATA\[|\]\]>$/g, ""));
    return `<${name}${attributes}>${REDACTED}</${name}>`;
  });
  return elements.replace(/<[^<>]*>/g, (tag) =>
    tag.replace(XML_ATTRIBUTE, (whole, name: string, equals: string, _quoted, double, single) => {
      if (!isSecretField(name, path)) return whole;
      harvest.add(double ?? single);
      return `${name}${equals}"${REDACTED}"`;
    }),
  );
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join("\n") : (value ?? "");
}

/** Cookie values (`a=1; b=2`, or one Set-Cookie line each) are the session itself: remember each. */
function harvestCookies(name: string, value: string, harvest: Harvest): void {
  const lines =
    name === "set-cookie" ? value.split("\n").map((line) => line.split(";")[0] ?? "") : value.split(";");
  for (const pair of lines) {
    const at = pair.indexOf("=");
    if (at >= 0) harvest.add(pair.slice(at + 1).trim());
  }
}

function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  harvest: Harvest,
): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    const value = headerText(rawValue);
    if (!SECRET_HEADER.test(name)) {
      redacted[name] = value;
      continue;
    }
    harvest.add(value);
    harvestCookies(name, value, harvest);
    // `Digest="…", Nonce="…"`: the parts, too, in case one of them travels elsewhere.
    for (const match of value.matchAll(/="([^"]*)"/g)) harvest.add(match[1]);
    redacted[name] = REDACTED;
  }
  return redacted;
}

const BASE64_ALPHABETS = [
  (text: string) => text,
  (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_"),
];

/**
 * The base64 characters that depend on the secret's bytes alone, at each of the three alignments it can
 * have inside a longer base64 text (`Basic dXNlcjpzZWNyZXQ=` hides "secret" at an offset).
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString("base64")
      .replace(/=+$/, "");
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const fragment = encoded.slice(first, last);
    if (fragment.length >= 6) for (const alphabet of BASE64_ALPHABETS) forms.push(alphabet(fragment));
  }
  // The whole value with its padding, as a header or JSON field would carry it.
  forms.push(bytes.toString("base64"), bytes.toString("base64url"));
  return forms;
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/**
 * The same secrets come back in every exchange of a connection: their spellings are kept, so recording does
 * not encode every secret again. The cache starts over when full, which keeps it bounded without bookkeeping.
 */
const SPELLINGS_KEPT = 2048;
const spellingCache = new Map<string, string[]>();

function cachedSpellings(secret: string): string[] {
  let forms = spellingCache.get(secret);
  if (!forms) {
    if (spellingCache.size >= SPELLINGS_KEPT) spellingCache.clear();
    forms = spellingsOf(secret);
    spellingCache.set(secret, forms);
  }
  return forms;
}

/** Every spelling of a secret the wire may carry. */
export function spellingsOf(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    escapeXml(secret),
    ...base64Forms(secret),
  ];
  // Percent-escapes may be spelt in either case.
  const lowerEscapes = forms.map((form) => form.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase()));
  return [...new Set([...forms, ...lowerEscapes])].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * Every spelling of every secret of one exchange, searched with `indexOf`, not joined into one regular
 * expression: the set changes with nearly every exchange (a per-request salt, nonce or signature is learned
 * each time), and V8 compiled each new alternation of hundreds of spellings to native code, which cost more
 * than the scan and, kept for reuse, hundreds of megabytes under load.
 */
interface ValueMatcher {
  spellings: string[];
  /** The longest spelling's length: how far a secret that starts in a text can reach. */
  longest: number;
}

function valueMatcher(secrets: Iterable<string>): ValueMatcher | null {
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) for (const form of cachedSpellings(secret)) spellings.add(form);
  }
  if (spellings.size === 0) return null;
  const longest = Math.max(...[...spellings].map((spelling) => spelling.length));
  return { spellings: [...spellings], longest };
}

/** One stretch of a text to replace: where it starts and how long it is. */
type Occurrence = readonly [start: number, length: number];

/**
 * The stretches a left-to-right replacement takes: the leftmost occurrence of any spelling, the longest
 * where several start at the same place (so no secret is half-replaced), then the next one after it.
 */
function occurrencesIn(text: string, matcher: ValueMatcher): Occurrence[] {
  const found: Occurrence[] = [];
  for (const spelling of matcher.spellings) {
    for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + 1)) {
      found.push([at, spelling.length]);
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const taken: Occurrence[] = [];
  let free = 0;
  for (const occurrence of found) {
    if (occurrence[0] < free) continue;
    taken.push(occurrence);
    free = occurrence[0] + occurrence[1];
  }
  return taken;
}

function replaceOccurrences(text: string, occurrences: readonly Occurrence[]): string {
  if (occurrences.length === 0) return text;
  let redacted = "";
  let kept = 0;
  for (const [start, length] of occurrences) {
    redacted += text.slice(kept, start) + REDACTED;
    kept = start + length;
  }
  return redacted + text.slice(kept);
}

const replaceValues = (text: string, matcher: ValueMatcher | null) =>
  matcher ? replaceOccurrences(text, occurrencesIn(text, matcher)) : text;

/**
 * Pass 2 on as much of a body as the kept 4 KiB can come from, not the whole window: scanning 16 KiB with
 * every spelling of every secret, for 4 KiB shown, was the largest single cost of a busy console.
 * The scan reaches `longest` characters beyond what may be kept. What it settles is the text up to `longest`
 * characters before its end: a match starting there had room for every spelling, so it is the match a scan of
 * the whole text makes; later characters may begin a secret that runs past the scan and are dropped. Where
 * replacements shrank the settled text below what is kept, the scan reaches twice as far. Near the window's
 * cut edge it scans everything, so the edge check in `finishBody` sees the whole redacted window.
 */
function redactStart(text: string, matcher: ValueMatcher | null): { text: string; whole: boolean } {
  if (!matcher) return { text, whole: true };
  for (let end = EXCHANGE_BODY_BYTES + matcher.longest; ; end *= 2) {
    if (end + EXCHANGE_BODY_BYTES >= text.length) return { text: replaceValues(text, matcher), whole: true };
    const cutoff = end - matcher.longest;
    const scanned = text.slice(0, end);
    const occurrences = occurrencesIn(scanned, matcher);
    let shift = 0;
    for (const [start, length] of occurrences) {
      if (start > cutoff) break;
      shift += REDACTED.length - length;
    }
    const settled = cutoff + shift;
    // Characters are never more than bytes, so `settled` characters hold at least the bytes kept.
    if (settled >= EXCHANGE_BODY_BYTES) {
      return { text: replaceOccurrences(scanned, occurrences).slice(0, settled), whole: false };
    }
  }
}

function isBinary(bytes: Buffer, contentType: string): boolean {
  if (/json|xml|text|form-urlencoded|javascript|html/i.test(contentType)) return false;
  if (/octet-stream|gzip|zip|image|audio|video|pdf|protobuf/i.test(contentType)) return true;
  return bytes.subarray(0, REDACTION_WINDOW_BYTES).includes(0);
}

function cutUtf8(text: string, maxBytes: number): { text: string; cut: boolean } {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return { text, cut: false };
  // A character split by the cut becomes U+FFFD; drop it rather than show a broken glyph.
  return {
    text: bytes
      .subarray(0, maxBytes)
      .toString("utf8")
      .replace(/\uFFFD$/, ""),
    cut: true,
  };
}

interface PendingBody {
  text: string;
  bytes: number;
  windowed: boolean;
}

/** Pass 1 on a body, by the shapes it may have; text bodies only (binary ones keep nothing but their size). */
function redactBodyByName(
  body: string | Buffer | undefined,
  contentType: string,
  path: string,
  harvest: Harvest,
): PendingBody | ExchangeBodyDto | null {
  if (body === undefined) return null;
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  if (bytes.length === 0) return null;
  if (isBinary(bytes, contentType)) return { text: "", bytes: bytes.length, truncated: true, binary: true };
  const windowed = bytes.length > REDACTION_WINDOW_BYTES;
  const window = bytes.subarray(0, REDACTION_WINDOW_BYTES).toString("utf8");
  const members = redactJsonMembers(window, path, harvest);
  if (members.nestsSecret) harvestJsonTree(window, path, harvest);
  let text = members.text;
  text = redactXml(text, path, harvest);
  if (/form-urlencoded/i.test(contentType) || /^[\w.%+-]+=[^\s]*(&[\w.%+-]+=[^\s]*)*$/.test(text)) {
    text = redactForm(text, path, harvest);
  }
  return { text, bytes: bytes.length, windowed };
}

function finishBody(pending: PendingBody | ExchangeBodyDto | null, matcher: ValueMatcher | null) {
  if (pending === null || "binary" in pending) return pending;
  const redacted = redactStart(pending.text, matcher);
  const { text, cut } = cutUtf8(redacted.text, EXCHANGE_BODY_BYTES);
  // A window's last bytes may hold the first half of a secret that pass 2 could not recognise. The cut
  // hides them unless redaction shrank the window to about the size kept: then show nothing rather than guess.
  // (A scan that stopped early left at least 4 KiB of the window unseen between the cut and its edge.)
  if (
    pending.windowed &&
    redacted.whole &&
    Buffer.byteLength(redacted.text, "utf8") < 2 * EXCHANGE_BODY_BYTES
  ) {
    return { text: "", bytes: pending.bytes, truncated: true, binary: false };
  }
  return { text, bytes: pending.bytes, truncated: cut || !redacted.whole || pending.windowed, binary: false };
}

export function redactExchange(raw: HttpExchange, knownSecrets: Iterable<string>): RedactionResult {
  const harvest = new Harvest();
  const [pathname = "", query] = splitOnce(raw.path, "?");
  const namedPath = query === undefined ? pathname : `${pathname}?${redactForm(query, pathname, harvest)}`;
  const requestType = headerText(lower(raw.requestHeaders)["content-type"]);
  const requestHeaders = redactHeaders(raw.requestHeaders, harvest);
  const requestBody = redactBodyByName(raw.requestBody, requestType, pathname, harvest);
  const response = raw.response && {
    status: raw.response.status,
    headers: redactHeaders(raw.response.headers, harvest),
    body: redactBodyByName(
      raw.response.body,
      headerText(lower(raw.response.headers)["content-type"]),
      pathname,
      harvest,
    ),
  };

  const matcher = valueMatcher([...knownSecrets, ...harvest.values]);
  const byValue = (text: string) => replaceValues(text, matcher);
  // Most headers hold no secret: one scan of all their values decides whether each needs its own.
  const headersByValue = (headers: Record<string, string>) =>
    matcher && occurrencesIn(Object.values(headers).join("\n"), matcher).length > 0
      ? Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, byValue(value)]))
      : headers;

  return {
    exchange: {
      at: new Date(raw.startedAt).toISOString(),
      durationMs: raw.durationMs,
      method: raw.method,
      path: byValue(namedPath),
      status: response?.status ?? null,
      failure: raw.failure,
      request: { headers: headersByValue(requestHeaders), body: finishBody(requestBody, matcher) },
      response: response && {
        headers: headersByValue(response.headers),
        body: finishBody(response.body, matcher) ?? { text: "", bytes: 0, truncated: false, binary: false },
      },
    },
    found: [...harvest.values],
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function lower(headers: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
