import { parseForm } from "../shared/body";

/**
 * Turns a raw HTTP request into what the PHP side of Kayako sees: `$_GET`, `$_POST`, the REST variable
 * container the signature is read from, and the route. Where the auth triple is looked for depends on the
 * verb and the content type exactly as in `SWIFT_RESTServer::ParseInputStream` (notes §2):
 *   - `application/json` bodies: the JSON object, whatever the verb (newer builds);
 *   - GET/DELETE: the query string, or the parsed body when the query holds nothing but `e`;
 *   - POST: `$_POST` (form or multipart body), else the parsed raw body;
 *   - PUT: the form body, else the query string, else the parsed raw body.
 * Controllers read their fields from `$_POST` only, so a JSON or query-string write authenticates but
 * arrives with no fields, as on a real helpdesk.
 */
export interface KayakoRequest {
  method: string;
  /** The route string (`/Tickets/Ticket/ListAll/1`), or "" when none was given. */
  route: string;
  query: Record<string, string>;
  post: Record<string, string>;
  variables: Record<string, string>;
}

/** PHP `urldecode()`: `+` is a space and every `%XX` a byte; malformed escapes stay as they are. */
export function phpUrlDecode(value: string): string {
  const bytes: number[] = [];
  const source = Buffer.from(value.replace(/\+/g, " "), "utf8");
  for (let i = 0; i < source.length; i++) {
    const byte = source[i] ?? 0;
    if (byte === 0x25 && i + 2 < source.length && isHex(source[i + 1]) && isHex(source[i + 2])) {
      bytes.push(Number.parseInt(String.fromCharCode(source[i + 1] ?? 0, source[i + 2] ?? 0), 16));
      i += 2;
    } else {
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && /[0-9a-fA-F]/.test(String.fromCharCode(byte));
}

/** Text fields of a multipart/form-data body; file parts go to `$_FILES` in PHP, so they are skipped. */
export function parseMultipart(body: string, contentType: string): Record<string, string> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return {};
  const fields: Record<string, string> = {};
  for (const part of body.split(`--${boundary.trim()}`)) {
    if (part === "" || part.startsWith("--")) continue;
    const separator = part.indexOf("\r\n\r\n");
    if (separator < 0) continue;
    const head = part.slice(0, separator);
    let value = part.slice(separator + 4);
    if (value.endsWith("\r\n")) value = value.slice(0, -2);
    const name = /\bname="([^"]*)"/i.exec(head)?.[1];
    if (!name || /\bfilename=/i.test(head)) continue;
    fields[name] = value;
  }
  return fields;
}

function jsonVariables(body: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    // PHP's string conversion of json_decode() scalars: true is "1", false is "".
    if (typeof value === "string") out[key] = value;
    else if (typeof value === "number") out[key] = String(value);
    else if (typeof value === "boolean") out[key] = value ? "1" : "";
  }
  return out;
}

const nonEmpty = (record: Record<string, string>) => Object.keys(record).length > 0;

export function parseKayakoRequest(
  method: string,
  rawQuery: string,
  contentType: string,
  body: string,
): KayakoRequest {
  const type = contentType.toLowerCase();
  const query = parseForm(rawQuery);
  const isForm = type.startsWith("application/x-www-form-urlencoded");
  const isMultipart = type.startsWith("multipart/form-data");
  // PHP fills $_POST for POST form bodies only; Kayako's router adds the form body of a PUT itself.
  let post: Record<string, string> = {};
  if (method === "POST" && isForm) post = parseForm(body);
  else if (method === "POST" && isMultipart) post = parseMultipart(body, contentType);
  else if (method === "PUT" && isForm) post = parseForm(body);

  // $_REQUEST['e'] (request_order "GP": a POST field wins over the query string).
  let route = "";
  const eValue = method === "POST" && post.e !== undefined ? post.e : query.e;
  if (eValue !== undefined) {
    route = eValue.startsWith("/") ? phpUrlDecode(eValue) : "";
  } else if (rawQuery.startsWith("/") || rawQuery.toLowerCase().startsWith("%2f")) {
    // Standard URL type: `index.php?/Tickets/Ticket&apikey=...`; PHP also saw the path as a $_GET key.
    const ampersand = rawQuery.indexOf("&");
    const path = ampersand < 0 ? rawQuery : rawQuery.slice(0, ampersand);
    route = phpUrlDecode(path);
    for (const key of Object.keys(query)) if (key === route || key === path) delete query[key];
  }
  route = route.replace(/%252/g, "/");
  // `ExplodeSegments`: anything after a `&` inside the route fills $_GET keys that are still unset.
  const ampersand = route.indexOf("&");
  if (ampersand >= 0) {
    for (const [key, value] of Object.entries(parseForm(route.slice(ampersand + 1)))) {
      if (query[key] === undefined) query[key] = value;
    }
    route = route.slice(0, ampersand);
  }
  // The router unsets `e` before any controller runs.
  delete query.e;
  delete post.e;

  let variables: Record<string, string>;
  if (type.includes("application/json")) {
    variables = jsonVariables(body);
  } else if (method === "GET" || method === "DELETE") {
    variables = nonEmpty(query) ? query : parseForm(body);
  } else if (method === "POST") {
    variables = nonEmpty(post) ? post : parseForm(body);
  } else if (method === "PUT") {
    if (nonEmpty(post)) variables = post;
    else if (nonEmpty(query)) variables = query;
    else {
      variables = parseForm(body);
      post = variables;
    }
  } else {
    variables = {};
  }
  return { method, route, query, post, variables };
}

/** `SWIFT_Router::ExplodeSegments`: slashes trimmed, segments trimmed, empty segments dropped. */
export function routeSegments(route: string): string[] {
  return route
    .split("/")
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
}

/** `SWIFT_Router::PERMITTED_URICHARACTERS` applied by `FilterURI` to every segment. */
export function hasDisallowedCharacters(segment: string): boolean {
  return !/^[a-zA-Z\s0-9,~%.:=_-]+$/.test(segment);
}
