import type { IncomingMessage } from "node:http";
import { parseForm, readBody } from "../shared/body";

/**
 * Reads a request's parameters the way PHP's `$_REQUEST` would see them. The document only says POST
 * (notes D8); K7 sends `application/x-www-form-urlencoded`, while the document's own PHP sample passes an array
 * to `CURLOPT_POSTFIELDS`, which curl sends as `multipart/form-data`. Both are accepted, as are JSON bodies and
 * the query string (notes D8: "accept form body; also accept query string and JSON"). Body fields win over
 * query fields of the same name. Field names are kept literally, hyphens included (notes D14).
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("multipart/form-data")) {
    Object.assign(params, parseMultipart(body, req.headers["content-type"] ?? ""));
  } else if (contentType.startsWith("application/json")) {
    Object.assign(params, parseJsonObject(body));
  } else {
    Object.assign(params, parseForm(body));
  }
  return params;
}

/** Scalar members of a JSON object as strings, as PHP would cast them; anything else reads as no fields. */
function parseJsonObject(body: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, member] of Object.entries(value)) {
    if (typeof member === "string") out[key] = member;
    else if (typeof member === "number" && Number.isFinite(member)) out[key] = String(member);
    else if (typeof member === "boolean") out[key] = member ? "1" : "";
  }
  return out;
}

/** Text fields of a multipart body (file parts are read as text too; no Kiwire call uploads files). */
function parseMultipart(body: string, contentType: string): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return {};
  const out: Record<string, string> = {};
  for (const part of body.split(`--${marker.trim()}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    out[name] = part.slice(headerEnd + 4).replace(/\r\n$/, "");
  }
  return out;
}
