import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";
import { createdAt, digestPassword, randomNonce, xAuthenticate } from "./sign";

/**
 * KalliopePBX v4 REST: an anonymous `GET /rest/salt/{domain}` gives the tenant's salt; every other call is
 * signed with a single-use `X-authenticate` header. The PBX tells no reason when it refuses (notes §1.7), so
 * the console compares clocks itself to tell a skewed clock from wrong credentials. This file holds the salt
 * and one signed request; the CDR client of later issues grows from it.
 */

export interface KalliopeCredentials {
  username: string;
  password: string;
  domain: string;
}

/** Statuses a PBX may refuse a signature with: 401 by our reading, 400 or 403 by others' (notes §1.7). */
export const REFUSALS: ReadonlySet<number> = new Set([400, 401, 403]);

/** The PBX accepts Created within ±5 minutes of its clock (document §1.1). */
export const CREATED_WINDOW_MS = 5 * 60 * 1000;

export async function fetchSalt(client: HttpClient, domain: string): Promise<string> {
  const path = `/rest/salt/${encodeURIComponent(domain)}`;
  const response = await client.request({ method: "GET", path, headers: { accept: "application/json" } });
  if (response.status === 404) {
    throw new VendorError(
      "not_found",
      text`KalliopePBX has no tenant domain "${domain}" (or the base URL is not a KalliopePBX): check the domain ("default" on single-tenant systems).`,
    );
  }
  if (response.status !== 200) {
    throw new VendorError(
      "unexpected_response",
      text`KalliopePBX answered HTTP ${response.status} to the salt request.`,
    );
  }
  const answer = response.text();
  try {
    const salt = (JSON.parse(answer) as { salt?: unknown }).salt;
    if (typeof salt === "string" && salt !== "") return salt;
  } catch {
    // Older firmware may answer XML even when asked for JSON (notes §1.4).
    const match = /<salt>([^<]+)<\/salt>/.exec(answer);
    if (match?.[1]) return match[1];
  }
  throw new VendorError(
    "unexpected_response",
    text`KalliopePBX answered the salt request without a salt: is the base URL a KalliopePBX?`,
  );
}

export interface SignedRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request with a fresh X-authenticate header; `now` is the console's clock. */
export async function kalliopeRequest(
  client: HttpClient,
  credentials: KalliopeCredentials,
  salt: string,
  request: SignedRequest,
  now: () => number = Date.now,
): Promise<HttpResponse> {
  const header = xAuthenticate({
    username: credentials.username,
    domain: credentials.domain,
    digestPassword: digestPassword(credentials.password, salt),
    nonce: randomNonce(),
    created: createdAt(new Date(now())),
  });
  const response = await client.request({
    method: request.method,
    path: request.path,
    headers: { accept: "application/json", ...request.headers, "x-authenticate": header },
    body: request.body,
    // A retry would resend a used nonce, which the PBX refuses: signed requests are never retried here.
    retries: 0,
  });
  // The firmware read has no argument a 400 or 403 could be about: here each is a refused signature.
  if (REFUSALS.has(response.status)) throw refusal(response, credentials, now());
  return response;
}

function refusal(response: HttpResponse, credentials: KalliopeCredentials, nowMs: number): VendorError {
  const serverDate = response.serverDate();
  const skew = serverDate ? serverDate.getTime() - nowMs : 0;
  if (Math.abs(skew) > CREATED_WINDOW_MS) {
    return new VendorError(
      "clock_skew",
      text`KalliopePBX refused the signed request: its clock is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew > 0 ? text`ahead of` : text`behind`} the console's, and X-authenticate allows 5. Synchronise both with NTP.`,
      { vendorMessage: `HTTP ${response.status}` },
    );
  }
  return new VendorError(
    "wrong_credentials",
    text`KalliopePBX refused the user name or password for domain "${credentials.domain}" (HTTP ${response.status}). Check both, and that the user has the API permission.`,
    { vendorMessage: `HTTP ${response.status}` },
  );
}

/** The round trip behind "Test connection": the salt, then one signed read of the firmware version. */
export async function kalliopeLoginRoundTrip(
  client: HttpClient,
  credentials: KalliopeCredentials,
): Promise<string> {
  const salt = await fetchSalt(client, credentials.domain);
  const response = await kalliopeRequest(client, credentials, salt, {
    method: "GET",
    path: "/rest/dashboard/firmwareVersion",
    headers: { accept: "text/plain, application/json" },
  });
  if (response.status !== 200) {
    throw new VendorError(
      "unexpected_response",
      text`KalliopePBX answered HTTP ${response.status} to a signed request.`,
    );
  }
  const version = response.text().trim().replace(/^"|"$/g, "").slice(0, 40);
  return `Signed in as ${credentials.username}@${credentials.domain}${version ? `; firmware ${version}` : ""}`;
}
