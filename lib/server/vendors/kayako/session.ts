import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";
import { signedParams } from "./sign";

/**
 * Kayako Classic REST: `{helpdesk}/api/index.php?e=/App/Controller/...` with apikey, salt and signature in
 * the query (GET, DELETE) or the form body (POST, PUT). There is no login: one signed request proves the
 * keys. Refusals are plain text: 401 `FAILED TO AUTHENTICATE` or `NO SALT PROVIDED!`, 403 with an empty
 * body when the REST API is switched off (kayako-notes §2). This file holds the connection test's signed
 * read and the refusal mapping every request shares; `client.ts`, the ticket client, reuses the latter.
 */

export interface KayakoCredentials {
  apiKey: string;
  secretKey: string;
}

export async function kayakoGet(
  client: HttpClient,
  credentials: KayakoCredentials,
  route: string,
): Promise<HttpResponse> {
  const response = await client.request({
    method: "GET",
    // The base URL is the `.../api/index.php` itself.
    path: "",
    query: { e: route, ...signedParams(credentials.apiKey, credentials.secretKey) },
    headers: { accept: "text/xml, application/xml" },
  });
  const refusal = refusalOf(response);
  if (refusal) throw refusal;
  return response;
}

/** 401 and 403 mean the same on every route: wrong keys, or the REST API switched off (kayako-notes §2). */
export function refusalOf(response: HttpResponse): VendorError | null {
  if (response.status === 401) {
    const said = response.text().trim().slice(0, 100);
    return new VendorError(
      "wrong_credentials",
      text`Kayako rejected the API key or secret key (${said || "HTTP 401"}). Copy both again from Admin CP → REST API → API Information.`,
      { vendorMessage: said },
    );
  }
  if (response.status === 403) {
    return new VendorError(
      "api_disabled",
      text`The REST API is disabled in Kayako (HTTP 403): enable it in Admin CP → REST API → Settings.`,
    );
  }
  return null;
}

/** The round trip behind "Test connection": one signed read of the department list. */
export async function kayakoLoginRoundTrip(
  client: HttpClient,
  credentials: KayakoCredentials,
): Promise<string> {
  const response = await kayakoGet(client, credentials, "/Base/Department");
  const answer = response.text();
  if (response.status === 404) {
    throw new VendorError(
      "not_found",
      text`The base URL answered HTTP 404: give the helpdesk's REST URL ending in /api/index.php.`,
    );
  }
  if (response.status >= 500) {
    // The helpdesk is there but failing: the URL is right, so do not send the person to check it.
    throw new VendorError(
      "unexpected_response",
      text`Kayako answered HTTP ${response.status}: the helpdesk failed on its side (it may be restarting); try again shortly.`,
    );
  }
  // Helpdesks with PHP notices switched on print them before the XML (kayako-notes §3).
  if (response.status !== 200 || !answer.includes("<departments")) {
    throw new VendorError(
      "unexpected_response",
      text`Kayako answered HTTP ${response.status} without a department list: is the base URL a Kayako Classic REST API?`,
    );
  }
  const departments = answer.match(/<department>/g)?.length ?? 0;
  return `Signed request accepted; ${departments} department${departments === 1 ? "" : "s"} visible`;
}
