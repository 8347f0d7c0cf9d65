import { type CdrDetail, type CdrSummary, DETAIL_FIELDS, type StoredCall, SUMMARY_FIELDS } from "./cdr-data";
import type { CdrFormat } from "./cdr-query";

/**
 * CDR serializers: JSON (top-level array), XML (`<cdr><call>`), CSV (`#` header) per document §2.3, the
 * `detailed` call path, and the Blues text lines (notes §2.8). Each serializer turns one call into one
 * chunk, so responses stream day by day instead of building a month of calls in memory.
 */

export type OutputType = "json" | "xml" | "csv";

export interface Negotiated {
  type: OutputType;
  contentType: string;
}

const CONTENT_TYPES: Record<OutputType, string> = {
  json: "application/json; charset=UTF-8",
  xml: "application/xml; charset=UTF-8",
  csv: "text/csv; charset=UTF-8",
};

/**
 * Picks the output from `Accept` (document §2.2). Matching is by substring, because a real client sends
 * `Accept: json` and gets JSON (notes §1.3, S9). No Accept, or only wildcards, gives XML (notes §2.3);
 * an Accept naming none of the three gives null (the caller answers 406).
 */
export function negotiate(accept: string | undefined): Negotiated | null {
  if (accept === undefined || accept.trim() === "") return { type: "xml", contentType: CONTENT_TYPES.xml };
  let best: { type: OutputType; media: string; q: number } | null = null;
  for (const entry of accept.split(",")) {
    const [rawMedia, ...params] = entry.split(";");
    const media = (rawMedia ?? "").trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=").map((part) => part.trim());
      if (name === "q" && value !== undefined) q = Number(value);
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    let type: OutputType | null = null;
    if (media.includes("json")) type = "json";
    else if (media.includes("csv")) type = "csv";
    else if (media.includes("xml")) type = "xml";
    else if (media === "*/*" || media === "*" || media === "application/*" || media === "text/*")
      type = "xml";
    if (type !== null && (best === null || q > best.q)) best = { type, media, q };
  }
  if (best === null) return null;
  // Echo text/xml to a client that asked for it; application/xml otherwise.
  const contentType = best.media === "text/xml" ? "text/xml; charset=UTF-8" : CONTENT_TYPES[best.type];
  return { type: best.type, contentType };
}

/**
 * Users without privacy rights see external numbers with the last three digits replaced by `xxx`
 * (notes §1.6). "External" is any number of six digits or more: extensions, service codes and mailbox ids
 * are shorter and stay readable.
 */
export function maskNumber(value: string): string {
  return /^\+?\d{6,}$/.test(value) ? `${value.slice(0, -3)}xxx` : value;
}

export interface CallView {
  summary: CdrSummary;
  details: CdrDetail[];
}

export function viewOf(call: StoredCall, privacy: boolean): CallView {
  if (privacy) return { summary: call.summary, details: call.details };
  const { summary } = call;
  return {
    summary: {
      ...summary,
      caller: maskNumber(summary.caller),
      called: maskNumber(summary.called),
      answered_by: maskNumber(summary.answered_by),
    },
    details: call.details.map((row) => ({
      ...row,
      detail_source_num: maskNumber(row.detail_source_num),
      detail_destination_num: maskNumber(row.detail_destination_num),
      detail_answered_by: maskNumber(row.detail_answered_by),
      detail_mapped_source_num: maskNumber(row.detail_mapped_source_num),
      detail_mapped_dst_num: maskNumber(row.detail_mapped_dst_num),
    })),
  };
}

export interface Serializer {
  contentType: string;
  head: string;
  /** One call; `index` is its position in the whole response (0 for the first). */
  call(call: StoredCall, view: CallView, index: number): string;
  tail: string;
}

function xmlEscape(value: string | number): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * How `detailed` JSON and XML lay out a call's path, which no public source shows (notes §2.5): `nested` puts
 * the `detail_*` rows in a `details` list of the call; `rows` is the CSV export's layout, one record per path
 * step with the call's fields repeated (a call without path keeps one record with empty `detail_*` fields).
 */
export type DetailedLayout = "nested" | "rows";
export const DETAILED_LAYOUTS: readonly DetailedLayout[] = ["nested", "rows"];

/** The call's records in the `rows` layout: its summary fields plus one path step each. */
function stepRecords(view: CallView): Array<Record<string, string | number>> {
  const empty = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, ""]));
  const steps = view.details.length === 0 ? [empty] : view.details;
  return steps.map((step) => ({ ...view.summary, ...step }));
}

function jsonSerializer(detailed: DetailedLayout | null, contentType: string): Serializer {
  return {
    contentType,
    head: "[",
    call: (_call, view, index) => {
      const records =
        detailed === "rows"
          ? stepRecords(view)
          : [detailed === "nested" ? { ...view.summary, details: view.details } : view.summary];
      return (index === 0 ? "" : ",") + records.map((record) => JSON.stringify(record)).join(",");
    },
    tail: "]",
  };
}

function xmlSerializer(detailed: DetailedLayout | null, contentType: string): Serializer {
  return {
    contentType,
    head: '<?xml version="1.0"?>\n<cdr>\n',
    call: (_call, view) => {
      if (detailed === "rows") {
        return stepRecords(view)
          .map((record) => {
            let out = "    <call>\n";
            for (const [field, value] of Object.entries(record))
              out += `        <${field}>${xmlEscape(value)}</${field}>\n`;
            return `${out}    </call>\n`;
          })
          .join("");
      }
      let out = "    <call>\n";
      for (const field of SUMMARY_FIELDS)
        out += `        <${field}>${xmlEscape(view.summary[field])}</${field}>\n`;
      if (detailed === "nested") {
        out += "        <details>\n";
        for (const row of view.details) {
          out += "            <detail>\n";
          for (const field of DETAIL_FIELDS)
            out += `                <${field}>${xmlEscape(row[field])}</${field}>\n`;
          out += "            </detail>\n";
        }
        out += "        </details>\n";
      }
      return `${out}    </call>\n`;
    },
    tail: "</cdr>\n",
  };
}

/** Detailed CSV repeats the call's columns on each of its path rows; a call with no path keeps one row. */
function csvSerializer(detailed: boolean, contentType: string): Serializer {
  const columns: string[] = [...SUMMARY_FIELDS, ...(detailed ? DETAIL_FIELDS : [])];
  return {
    contentType,
    head: `#${columns.join(",")}\n`,
    call: (_call, view) => {
      const summary = SUMMARY_FIELDS.map((field) => csvField(view.summary[field])).join(",");
      if (!detailed) return `${summary}\n`;
      if (view.details.length === 0) return `${summary}${",".repeat(DETAIL_FIELDS.length)}\n`;
      let out = "";
      for (const row of view.details) {
        out += `${summary},${DETAIL_FIELDS.map((field) => csvField(row[field])).join(",")}\n`;
      }
      return out;
    },
    tail: "",
  };
}

/**
 * Blues billing lines. Only `KPBX `, the 14-digit id starting `yyyyMM` in field 1 and `dd/MM/yyyy` in
 * field 3 are known (notes §2.8); the other fields are this simulator's guess:
 * `KPBX <id> <extension> <dd/MM/yyyy> <hh:mm:ss> <bill_secs> <other party> <gateway|-> <I|O|L>`.
 */
function bluesSerializer(): Serializer {
  return {
    contentType: "text/plain; charset=UTF-8",
    head: "",
    call: (call, view) => {
      const [date = "", time = ""] = view.summary.start_time.split(" ");
      const [year, month, day] = date.split("-");
      const other = call.direction === "in" ? view.summary.caller : view.summary.called;
      const direction = call.direction === "in" ? "I" : call.direction === "out" ? "O" : "L";
      return `KPBX ${call.bluesId} ${call.extension} ${day}/${month}/${year} ${time} ${view.summary.bill_secs} ${other || "-"} ${view.summary.gateway_name || "-"} ${direction}\n`;
    },
    tail: "",
  };
}

/**
 * `v3_compat` has no public field list (notes §2.9); it is served in the summary shape. `blues_out` is
 * always text/plain, whatever Accept says (document §2.2).
 */
export function serializerFor(format: CdrFormat, output: Negotiated, layout: DetailedLayout): Serializer {
  if (format === "blues_out") return bluesSerializer();
  const detailed = format === "detailed" ? layout : null;
  if (output.type === "json") return jsonSerializer(detailed, output.contentType);
  if (output.type === "csv") return csvSerializer(detailed !== null, output.contentType);
  return xmlSerializer(detailed, output.contentType);
}
