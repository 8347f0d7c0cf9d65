import "server-only";
import type { z } from "zod";
import { badRequest, payloadTooLarge, unsupportedMediaType, validationFailed } from "./errors";

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

/** The path to the first string (value or key) holding U+0000, or null. Runs on parsed data, so depth is bounded. */
function nulCharacterAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes("\u0000") ? [...path, key] : nulCharacterAt(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw describeIssues(parsed.error.issues, where);
  // No console field needs U+0000, and PostgreSQL text cannot store it: refuse it here, by name, instead of
  // failing at the database with a 500.
  const nul = nulCharacterAt(parsed.data);
  if (nul) {
    const field = nul.join(".").replaceAll("\u0000", "\\u0000");
    const message = "Must not contain a NUL character (\\u0000)";
    throw validationFailed(`Invalid ${where} — ${field ? `${field}: ` : ""}${message}`, [
      { ...(field && { field }), message },
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
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
