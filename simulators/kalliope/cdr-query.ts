import { XMLParser, XMLValidator } from "fast-xml-parser";
import { dayNumberFromParts, daysInMonth, parseCdrDateTime, partsOfDay, SECONDS_PER_DAY } from "./dates";

/**
 * What a CDR request asks for: the URL forms of document §2.1 and the POST filters of §2.4 (notes §2.1–2.2,
 * §2.8 for the Blues extension), turned into one inclusive window of PBX local seconds.
 */

export type CdrFormat = "summary" | "detailed" | "blues_out" | "v3_compat";

/**
 * The document's four formats, plus `blues`: the one public Blues client posts to `/rest/cdr/blues`
 * (notes §2.8), so both names are served.
 */
export const CDR_FORMATS: Readonly<Record<string, CdrFormat>> = {
  summary: "summary",
  detailed: "detailed",
  blues_out: "blues_out",
  blues: "blues_out",
  v3_compat: "v3_compat",
};

export interface BluesExclusions {
  local: boolean;
  in: boolean;
  out: boolean;
}

export interface CdrFilter {
  /** Inclusive bounds on the call's start, in PBX local seconds (may be infinite for open ends). */
  from: number;
  to: number;
  uniqueId: string | null;
  blues: BluesExclusions;
}

/** A request the PBX would refuse; `status` and `message` go straight into the response. */
export class CdrRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const NO_EXCLUSIONS: BluesExclusions = { local: false, in: false, out: false };

/** With no dates, the document searches "il mese corrente": the whole current month on the PBX clock. */
export function currentMonth(nowLocal: number): { from: number; to: number } {
  const { year, month } = partsOfDay(Math.floor(nowLocal / SECONDS_PER_DAY));
  const first = dayNumberFromParts(year, month, 1) ?? 0;
  return { from: first * SECONDS_PER_DAY, to: (first + daysInMonth(year, month)) * SECONDS_PER_DAY - 1 };
}

function rangeSegment(text: string, pattern: RegExp, what: string): [number, number] {
  const match = pattern.exec(text);
  if (!match) throw new CdrRequestError(400, `Invalid ${what} parameter "${text}"`);
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return [first, last];
}

/**
 * `{years}[/{months}[/{days}]]` → a span of whole days. Ranges run from the first date to the last one,
 * not over their cross product: `/2016/01-02/12-15` is 12 January to 15 February (notes §2.1). Months and
 * days may be unpadded (`/2023/9/11`, notes §2.1 / S9).
 */
export function pathRange(segments: readonly string[]): { from: number; to: number } {
  const [yearsText, monthsText, daysText] = segments;
  if (yearsText === undefined || segments.length > 3) throw new CdrRequestError(404, "Not Found");
  const [firstYear, lastYear] = rangeSegment(yearsText, /^(\d{4})(?:-(\d{4}))?$/, "years");
  let [firstMonth, lastMonth] = [1, 12];
  if (monthsText !== undefined) {
    [firstMonth, lastMonth] = rangeSegment(monthsText, /^(\d{1,2})(?:-(\d{1,2}))?$/, "months");
    if (Math.min(firstMonth, lastMonth) < 1 || Math.max(firstMonth, lastMonth) > 12) {
      throw new CdrRequestError(400, `Invalid months parameter "${monthsText}"`);
    }
  }
  let firstDay = 1;
  let lastDay = daysInMonth(lastYear, lastMonth);
  if (daysText !== undefined) {
    [firstDay, lastDay] = rangeSegment(daysText, /^(\d{1,2})(?:-(\d{1,2}))?$/, "days");
  }
  // Order is checked on whole dates only: 2016/01-02/20-10 (20 January to 10 February) is a valid span.
  const first = dayNumberFromParts(firstYear, firstMonth, firstDay);
  const last = dayNumberFromParts(lastYear, lastMonth, lastDay);
  if (first === null || last === null) {
    throw new CdrRequestError(400, `Invalid date in "${segments.join("/")}"`);
  }
  if (last < first) throw new CdrRequestError(400, `Invalid date range "${segments.join("/")}"`);
  return { from: first * SECONDS_PER_DAY, to: (last + 1) * SECONDS_PER_DAY - 1 };
}

/** GET: the URL alone decides the window. */
export function filterFromPath(segments: readonly string[], nowLocal: number): CdrFilter {
  const range = segments.length === 0 ? currentMonth(nowLocal) : pathRange(segments);
  return { ...range, uniqueId: null, blues: NO_EXCLUSIONS };
}

const FILTER_KEYS = new Set([
  "begin",
  "end",
  "unique_id",
  "bluesExcludeLocal",
  "bluesExcludeIn",
  "bluesExcludeOut",
]);

type BodyKind = "json" | "xml";

function bodyKind(contentType: string | undefined, body: string): BodyKind {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (media === "application/json" || media.endsWith("+json")) return "json";
  if (media === "application/xml" || media === "text/xml" || media.endsWith("+xml")) return "xml";
  if (media === "") {
    // No Content-Type: the body says what it is, as the PBX's body decoder would have to guess.
    const first = body.trimStart()[0];
    if (first === "{") return "json";
    if (first === "<") return "xml";
  }
  throw new CdrRequestError(
    415,
    `Unsupported Media Type "${media}": send application/json or application/xml`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJsonFilter(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new CdrRequestError(400, "Malformed JSON body");
  }
  if (!isRecord(parsed)) throw new CdrRequestError(400, 'The JSON body must be an object {"cdr":{...}}');
  for (const key of Object.keys(parsed)) {
    if (key !== "cdr") throw new CdrRequestError(400, `Unknown element "${key}": expected {"cdr":{...}}`);
  }
  const cdr = parsed.cdr ?? {};
  if (!isRecord(cdr)) throw new CdrRequestError(400, '"cdr" must be an object');
  return cdr;
}

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
});

function parseXmlFilter(body: string): Record<string, unknown> {
  if (XMLValidator.validate(body) !== true) throw new CdrRequestError(400, "Malformed XML body");
  const document: unknown = xmlParser.parse(body);
  if (!isRecord(document) || !("kpbx_request" in document) || Object.keys(document).length !== 1) {
    throw new CdrRequestError(400, "The XML body must be <kpbx_request><cdr>...</cdr></kpbx_request>");
  }
  const request = document.kpbx_request === "" ? {} : document.kpbx_request;
  if (!isRecord(request)) throw new CdrRequestError(400, "Malformed <kpbx_request>");
  for (const key of Object.keys(request)) {
    if (key !== "cdr") throw new CdrRequestError(400, `Unknown element <${key}> in <kpbx_request>`);
  }
  const cdr = request.cdr === undefined || request.cdr === "" ? {} : request.cdr;
  if (!isRecord(cdr)) throw new CdrRequestError(400, "Malformed <cdr>");
  return cdr;
}

function textValue(fields: Record<string, unknown>, key: string): string | null {
  const value = fields[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw new CdrRequestError(400, `"${key}" must be a string`);
  return value.trim() === "" ? null : value.trim();
}

function flagValue(fields: Record<string, unknown>, key: string): boolean {
  const value = fields[key];
  if (value === undefined || value === null || value === "") return false;
  if (value === true || value === "true" || value === "1") return true;
  if (value === false || value === "false" || value === "0") return false;
  throw new CdrRequestError(400, `"${key}" must be true or false`);
}

/**
 * POST: only `{format}` comes from the URL; `begin`, `end` (`YYYY-MM-DD hh:mm:ss`, inclusive, PBX local
 * time), `unique_id` (AND with the period) and the Blues exclusion flags come from the body. Without
 * begin and end the window is the current month, even with a unique_id (document §2.4).
 */
export function filterFromBody(body: string, contentType: string | undefined, nowLocal: number): CdrFilter {
  if (body.trim() === "") return filterFromPath([], nowLocal);
  const fields = bodyKind(contentType, body) === "json" ? parseJsonFilter(body) : parseXmlFilter(body);
  for (const key of Object.keys(fields)) {
    // Refused rather than ignored: a console relying on a filter the PBX does not have must find out here.
    if (!FILTER_KEYS.has(key)) throw new CdrRequestError(400, `Unknown filter "${key}"`);
  }
  const parseBound = (key: "begin" | "end") => {
    const text = textValue(fields, key);
    if (text === null) return null;
    const seconds = parseCdrDateTime(text);
    if (seconds === null)
      throw new CdrRequestError(400, `Invalid ${key} "${text}": expected YYYY-MM-DD hh:mm:ss`);
    return seconds;
  };
  const begin = parseBound("begin");
  const end = parseBound("end");
  if (begin !== null && end !== null && end < begin) throw new CdrRequestError(400, "end is before begin");
  const range =
    begin === null && end === null
      ? currentMonth(nowLocal)
      : { from: begin ?? Number.NEGATIVE_INFINITY, to: end ?? Number.POSITIVE_INFINITY };
  return {
    ...range,
    uniqueId: textValue(fields, "unique_id"),
    blues: {
      local: flagValue(fields, "bluesExcludeLocal"),
      in: flagValue(fields, "bluesExcludeIn"),
      out: flagValue(fields, "bluesExcludeOut"),
    },
  };
}
