import "server-only";
import type { z } from "zod";
import { type Text, type TextValue, text, WordsPerLocale } from "@/lib/i18n/api-messages/text";
import { issuesIn } from "@/lib/i18n/api-messages/zod-issues";
import { findJsonSyntaxError } from "@/lib/json-syntax";
import {
  badRequest,
  payloadTooLarge,
  unsupportedMediaType,
  validationFailed,
} from "@/lib/server/errors/api-error";

/** Bodies over this are refused before parsing; no console operation needs more (CSV imports send rows). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Where the refused input was; each has its own sentence, since languages agree the adjective with the noun. */
export type InputPart = "path" | "query" | "body";

const INVALID: Readonly<Record<InputPart, (summary: TextValue, more: TextValue) => Text>> = {
  path: (summary, more) => text`Invalid path — ${summary}${more}`,
  query: (summary, more) => text`Invalid query — ${summary}${more}`,
  body: (summary, more) => text`Invalid body — ${summary}${more}`,
};

function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  italian: readonly z.core.$ZodIssue[],
  where: InputPart,
) {
  // The same input parsed again gives the same issues in the same order; if not, English rather than a mix-up.
  const inItalian = italian.length === issues.length ? italian : [];
  const details = issues.map((issue, index) => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.join(", ");
      return {
        field: keys,
        message: issue.keys.length > 1 ? text`Unknown fields: ${keys}` : text`Unknown field: ${keys}`,
      };
    }
    const italianMessage = inItalian[index]?.message;
    const message = new WordsPerLocale({ en: issue.message, ...(italianMessage && { it: italianMessage }) });
    return { ...(field && { field }), message };
  });
  const first = details[0];
  const summary = first
    ? first.field
      ? text`${first.field}: ${first.message}`
      : first.message
    : text`Invalid input`;
  const more = details.length > 1 ? text` (and ${details.length - 1} more)` : "";
  return validationFailed(INVALID[where](summary, more), details);
}

/** Why PostgreSQL text could not hold this string, or null when it can. */
function unstorable(value: string): Text | null {
  if (value.includes("\u0000")) return text`Must not contain a NUL character (\\u0000)`;
  if (!value.isWellFormed()) return text`Must be valid Unicode: it has an unpaired surrogate (e.g. \\ud800)`;
  return null;
}

/** The first string (value or key) PostgreSQL could not store, with its path. Runs on parsed data, so depth is bounded. */
function unstorableTextAt(value: unknown, path: string[] = []): { path: string[]; problem: Text } | null {
  if (typeof value === "string") {
    const problem = unstorable(value);
    return problem ? { path, problem } : null;
  }
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const problem = unstorable(key);
    const found = problem ? { path: [...path, key], problem } : unstorableTextAt(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown, where: InputPart): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw describeIssues(parsed.error.issues, issuesIn(schema, input, "it"), where);
  // No console field needs U+0000 or a lone surrogate, and PostgreSQL can store neither (a jsonb audit record
  // refuses the surrogate too): refuse them here, by field, instead of a 500 or a lost audit row.
  const unfit = unstorableTextAt(parsed.data);
  if (unfit) {
    const field = JSON.stringify(unfit.path.join(".")).slice(1, -1);
    const summary = field ? text`${field}: ${unfit.problem}` : unfit.problem;
    throw validationFailed(INVALID[where](summary, ""), [
      { ...(field && { field }), message: unfit.problem },
    ]);
  }
  return parsed.data;
}

/** Query strings carry repeated keys for multi-value filters (`?status=a&status=b`). */
export function queryObject(url: URL): Record<string, string | string[]> {
  // fromEntries defines own properties: `?__proto__=…` stays a key the schema refuses as unknown, instead of an
  // assignment that swaps the object's prototype.
  return Object.fromEntries(
    [...new Set(url.searchParams.keys())].map((key) => {
      const values = url.searchParams.getAll(key);
      return [key, values.length > 1 ? values : (values[0] ?? "")];
    }),
  );
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw unsupportedMediaType(text`Send the body as JSON with Content-Type: application/json.`);
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BODY_BYTES)
    throw payloadTooLarge(text`The body is over ${MAX_JSON_BODY_BYTES} bytes.`);
  const reader = request.body?.getReader();
  if (!reader) throw badRequest(text`The request has no body; send a JSON object.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      throw payloadTooLarge(text`The body is over ${MAX_JSON_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  if (body.trim() === "") throw badRequest(text`The request body is empty; send a JSON object.`);
  try {
    return JSON.parse(body);
  } catch {
    // JSON.parse's message quotes the body, secrets and all: say where it breaks, never what it says.
    throw badRequest(jsonFault(body));
  }
}

/** Where the body breaks JSON, in the words of `describeJsonSyntaxError`, as a message a person reads. */
function jsonFault(body: string): Text {
  const fault = findJsonSyntaxError(body);
  if (!fault) return text`The body is not valid JSON.`;
  const { line, column } = fault;
  const character = fault.offset + 1;
  return fault.endedEarly
    ? text`The body is not valid JSON: it ends before the JSON is complete, at line ${line}, column ${column} (character ${character}).`
    : text`The body is not valid JSON: unexpected character at line ${line}, column ${column} (character ${character}).`;
}
