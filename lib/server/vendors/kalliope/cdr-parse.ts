import "server-only";
import type { KalliopeCall, KalliopeCallStep } from "@/lib/api/kalliope";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";

/**
 * The CDR answer in its three encodings (document §2.2–2.3): JSON (a top-level array), CSV (a `#` header
 * line; `detailed` repeats the call's columns on each path row) and XML (`<cdr><call>…`), in either layout of
 * `detailed` (see `callsOf`). Some firmware or tenants answer only CSV or XML, so all three land on the same
 * `KalliopeCall`. Fields are read by name, so an added column does not break parsing, and codes stay as the
 * PBX wrote them.
 */

type Row = Record<string, unknown>;

function str(row: Row, name: string): string {
  const value = row[name];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // An object or array where a value belongs is not data; String() of {"toString":1} would even throw.
  return "";
}

function num(row: Row, name: string): number {
  const value = Number(str(row, name));
  return Number.isFinite(value) ? value : 0;
}

function stepOf(row: Row): KalliopeCallStep {
  return {
    sourceNum: str(row, "detail_source_num"),
    anonymous: str(row, "detail_anonymous") === "1",
    destinationType: str(row, "detail_destination_type"),
    destinationId: str(row, "detail_destination_id"),
    destinationName: str(row, "detail_destination_name"),
    destinationNum: str(row, "detail_destination_num"),
    enterTime: str(row, "detail_enter_datetime"),
    enqueueTime: str(row, "detail_enqueue_datetime"),
    answerTime: str(row, "detail_answer_datetime"),
    exitTime: str(row, "detail_exit_datetime"),
    exitCause: str(row, "detail_exit_cause"),
    answeredBy: str(row, "detail_answered_by"),
    waitingSeconds: num(row, "detail_waiting_time"),
    mappedSourceNum: str(row, "detail_mapped_source_num"),
    mappedDestinationNum: str(row, "detail_mapped_dst_num"),
    accountCode: str(row, "detail_account_code"),
  };
}

function callOf(row: Row, path: KalliopeCallStep[]): KalliopeCall {
  return {
    id: str(row, "id"),
    source: str(row, "source"),
    destination: str(row, "destination"),
    startTime: str(row, "start_time"),
    answerTime: str(row, "answer_time"),
    endTime: str(row, "end_time"),
    accountCode: str(row, "account_code"),
    caller: str(row, "caller"),
    called: str(row, "called"),
    gateway: str(row, "gateway_name"),
    status: str(row, "status"),
    answeredBy: str(row, "answered_by"),
    billSeconds: num(row, "bill_secs"),
    durationSeconds: num(row, "duration"),
    path,
  };
}

/**
 * Records in the PBX's order, as JSON, XML or CSV hold them. How `detailed` lays out a call's path is not
 * public (notes §2.5), and both layouts are read here, record by record: a `details` list inside the call, or
 * the CSV export's layout of one record per path step with the call's fields repeated (consecutive records
 * with one id are one call). So each answer shows its own layout, and a PBX that changes it on an upgrade is
 * read right from its next answer.
 */
function callsOf(records: Iterable<Row>): KalliopeCall[] {
  const calls: KalliopeCall[] = [];
  let current: KalliopeCall | undefined;
  for (const row of records) {
    if (!current || current.id !== str(row, "id")) {
      const nested = Array.isArray(row.details) ? (row.details as unknown[]) : [];
      current = callOf(row, nested.filter((d): d is Row => d !== null && typeof d === "object").map(stepOf));
      calls.push(current);
    }
    if (str(row, "detail_destination_type") !== "") current.path.push(stepOf(row));
  }
  return calls;
}

function malformed(format: string, why: string): VendorError {
  return new VendorError(
    "unexpected_response",
    text`KalliopePBX sent call records that are not valid ${format} (${why}).`,
  );
}

export function parseCdrJson(text: string): KalliopeCall[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed("JSON", error instanceof Error ? error.message : "parse error");
  }
  if (!Array.isArray(value)) throw malformed("JSON", "not an array");
  return callsOf(
    value.map((item: unknown) => {
      if (item === null || typeof item !== "object") throw malformed("JSON", "an entry is not an object");
      return item as Row;
    }),
  );
}

/** RFC 4180 records; quoted fields may hold commas, quotes and newlines. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ""));
}

export function parseCdrCsv(text: string): KalliopeCall[] {
  const records = csvRecords(text);
  const header = records.shift();
  if (!header) return [];
  const columns = header.map((name, index) => (index === 0 ? name.replace(/^#/, "") : name).trim());
  if (!columns.includes("id")) throw malformed("CSV", "no id column in the header");
  return callsOf(
    records.map((record) => {
      const row: Row = {};
      columns.forEach((name, index) => {
        row[name] = record[index] ?? "";
      });
      return row;
    }),
  );
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // &#99999999; is beyond Unicode (fromCodePoint would throw): the replacement character, as XML readers show.
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    }
    return ENTITIES[name.toLowerCase()] ?? "";
  });
}

/** Leaf elements of one block: `<name>text</name>` and `<name/>`. */
function xmlFields(block: string): Row {
  const row: Row = {};
  for (const match of block.matchAll(/<([A-Za-z_][\w.-]*)\s*(?:\/>|>([^<]*)<\/\1>)/g)) {
    row[match[1] as string] = xmlText(match[2] ?? "");
  }
  return row;
}

export function parseCdrXml(text: string): KalliopeCall[] {
  if (!/<cdr[\s>/]/.test(text)) throw malformed("XML", "no <cdr> root");
  const records: Row[] = [];
  for (const match of text.matchAll(/<call>([\s\S]*?)<\/call>/g)) {
    const body = match[1] ?? "";
    const detailsAt = body.indexOf("<details");
    const row = xmlFields(detailsAt === -1 ? body : body.slice(0, detailsAt));
    if (detailsAt !== -1) {
      row.details = [...body.slice(detailsAt).matchAll(/<detail>([\s\S]*?)<\/detail>/g)].map((detail) =>
        xmlFields(detail[1] ?? ""),
      );
    }
    records.push(row);
  }
  return callsOf(records);
}

/** By the answer's Content-Type, falling back to its first character (older firmware mislabels). */
export function parseCdr(text: string, contentType: string | undefined): KalliopeCall[] {
  const type = (contentType ?? "").toLowerCase();
  const first = text.trimStart()[0];
  if (type.includes("json") || first === "[") return parseCdrJson(text);
  if (type.includes("csv") || first === "#") return parseCdrCsv(text);
  if (type.includes("xml") || first === "<") return parseCdrXml(text);
  if (text.trim() === "") return [];
  throw malformed("JSON, CSV or XML", `Content-Type ${contentType ?? "missing"}`);
}
