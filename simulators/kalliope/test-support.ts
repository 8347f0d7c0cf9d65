import { buildXAuthenticate, formatCreated } from "./auth";
import type { KalliopeCredentials, RunningKalliopeSimulator } from "./simulator";

/** Shared by the tests: requests signed the way the vendor's clients do, on the simulator's clock. */

export interface SignedRequest {
  method?: string;
  accept?: string;
  body?: string;
  contentType?: string;
  user?: KalliopeCredentials;
  /** Overrides of the header's parts (to forge a bad one). */
  nonce?: string;
  created?: string;
  password?: string;
}

export async function fetchSalt(sim: RunningKalliopeSimulator, domain: string): Promise<string> {
  const response = await fetch(`${sim.baseUrl}/rest/salt/${domain}`, {
    headers: { accept: "application/json" },
  });
  if (response.status !== 200) throw new Error(`salt for ${domain}: HTTP ${response.status}`);
  // JSON as asked, or XML from a simulator with `saltAnswer: "xml"`.
  const text = await response.text();
  if (text.startsWith("{")) return (JSON.parse(text) as { salt: string }).salt;
  return /<salt>([^<]+)<\/salt>/.exec(text)?.[1] ?? "";
}

export async function signedHeader(
  sim: RunningKalliopeSimulator,
  request: SignedRequest = {},
): Promise<string> {
  const user = request.user ?? sim.credentials;
  return buildXAuthenticate({
    username: user.username,
    domain: user.domain,
    password: request.password ?? user.password,
    salt: await fetchSalt(sim, user.domain === "" ? "default" : user.domain),
    nonce: request.nonce,
    created: request.created ?? formatCreated(sim.clock.now()),
  });
}

export async function signedFetch(
  sim: RunningKalliopeSimulator,
  path: string,
  request: SignedRequest = {},
): Promise<Response> {
  const headers: Record<string, string> = { "x-authenticate": await signedHeader(sim, request) };
  if (request.accept !== undefined) headers.accept = request.accept;
  if (request.contentType !== undefined) headers["content-type"] = request.contentType;
  return fetch(`${sim.baseUrl}${path}`, {
    method: request.method ?? (request.body === undefined ? "GET" : "POST"),
    headers,
    body: request.body,
  });
}

/** A minimal RFC 4180 reader: enough to compare the CSV output with JSON. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
