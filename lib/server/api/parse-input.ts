import "server-only";
import type { z } from "zod";
import { describeJsonSyntaxError } from "@/lib/json-syntax";
import {
  badRequest,
  payloadTooLarge,
  unsupportedMediaType,
  validationFailed,
} from "@/lib/server/errors/api-error";

/** Bodies over this are refused before parsing; no console operation needs more (CSV imports send rows). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

function describeIssues(issues: readonly z.core.$ZodIssue[], where: string) {
  const details = issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return {
        field: issue.keys.join(", "),
        message: `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`,
      };
    }
    return { ...(field && { field }), message: issue.message };
  });
  const first = details[0];
  const summary = first ? `${first.field ? `${first.field}: ` : ""}${first.message}` : "Invalid input";
  return validationFailed(
    `Invalid ${where} — ${summary}${details.length > 1 ? ` (and ${details.length - 1} more)` : ""}`,
    details,
  );
}

/** Why PostgreSQL text could not hold this string, or null when it can. */
function unstorable(text: string): string | null {
  if (text.includes("\u0000")) return "Must not contain a NUL character (\\u0000)";
  if (!text.isWellFormed()) return "Must be valid Unicode: it has an unpaired surrogate (e.g. \\ud800)";
  return null;
}

/** The first string (value or key) PostgreSQL could not store, with its path. Runs on parsed data, so depth is bounded. */
function unstorableTextAt(value: unknown, path: string[] = []): { path: string[]; problem: string } | null {
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

export function parseWith<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw describeIssues(parsed.error.issues, where);
  // No console field needs U+0000 or a lone surrogate, and PostgreSQL can store neither (a jsonb audit record
  // refuses the surrogate too): refuse them here, by field, instead of a 500 or a lost audit row.
  const unfit = unstorableTextAt(parsed.data);
  if (unfit) {
    const field = JSON.stringify(unfit.path.join(".")).slice(1, -1);
    throw validationFailed(`Invalid ${where} — ${field ? `${field}: ` : ""}${unfit.problem}`, [
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
    throw unsupportedMediaType("Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BODY_BYTES) throw payloadTooLarge(`The body is over ${MAX_JSON_BODY_BYTES} bytes.`);
  const reader = request.body?.getReader();
  if (!reader) throw badRequest("The request has no body; send a JSON object.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      throw payloadTooLarge(`The body is over ${MAX_JSON_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw badRequest("The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the body, secrets and all: say where it breaks, never what it says.
    throw badRequest(`The body is ${describeJsonSyntaxError(text)}.`);
  }
}
