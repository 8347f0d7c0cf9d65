import "server-only";
import type { KiwireSigningMode, KiwireTimeFormat } from "@/lib/connection-kinds";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";
import { kiwireApiKey, kiwireLoginCode, kiwireTime } from "./sign";

/**
 * Kiwire 2.0: `POST /admin/agent/api_login.php` with `code = md5(user|pass)` and `cloud_id` gives a token
 * (valid 20 minutes); every module call `POST /apiv2/{module}/{method}[/{value}]` carries the token, the
 * signed `api_key` and the `time` it was signed at. Both are form posts that answer HTTP 200 even when they
 * refuse, with the reason in the body (kiwire-notes D4, D11, D12). This file holds the login and one signed
 * call; the Kiwire client of later issues grows from it.
 */

export interface KiwireSettings {
  username: string;
  password: string;
  apiKey: string;
  cloudId: string;
  timeZone: string;
  timeFormat: KiwireTimeFormat;
  signing: KiwireSigningMode;
}

export interface KiwireSession {
  token: string;
}

/** A module call's success envelope: its data as sent, and the `total` some builds add beside a list. */
export interface KiwireAnswer {
  /** `ret_data` / `return_data` as sent: an array, an object, bare strings, or undefined when left out. */
  data: unknown;
  /** A count beside the rows (none is documented): null when the answer has none. */
  total: number | null;
}

/** The document's error strings (kiwire-2-api.txt "List of Error Message"), matched case-insensitively. */
const KNOWN_ERRORS = {
  notValidUser: "not valid user",
  invalidApiKey: "invalid api key",
  loginExpired: "login expired",
  permissionDenied: "permission denied",
  apiDisabled: "api integration is currently disabled",
  noCloudId: "no tenant / cloud id provided",
  cloudIdNotFound: "cloud id not found",
  cloudIdNotAvailable: "cloud id not available",
  moduleNotExisted: "module not existed",
  moduleDisabled: "module disabled",
} as const;

/** Module methods that change nothing, so a lost answer may be asked again. */
const READ_METHODS = new Set(["get", "history"]);

/** An appliance more than this away from the console is called out as clock skew. */
const SKEW_WARNING_MS = 5 * 60 * 1000;

function form(fields: Record<string, string>) {
  return {
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
  };
}

function jsonObject(response: HttpResponse): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(response.text());
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Not JSON.
  }
  return null;
}

function parseJson(response: HttpResponse, where: string): Record<string, unknown> {
  // The document names no HTTP status (notes D12): a refusal in the vendor's words is read whatever the
  // status, so a build that answers "permission denied" with a 403 is understood like one that uses 200.
  if (response.status >= 400 && response.status < 500) {
    const body = jsonObject(response);
    if (body && errorOf(body) !== null) return body;
  }
  if (response.status >= 500) {
    // The server is there but failing: the address is right, so do not send the person to check it.
    throw new VendorError(
      "unexpected_response",
      text`Kiwire answered HTTP ${response.status} at ${where}: the appliance failed on its side (it may be restarting); try again shortly.`,
    );
  }
  if (response.status !== 200) {
    throw new VendorError(
      response.status === 404 ? "not_found" : "unexpected_response",
      text`Kiwire answered HTTP ${response.status} at ${where}: check the base URL (the appliance's address, without a path).`,
    );
  }
  const body = jsonObject(response);
  if (body) return body;
  throw new VendorError(
    "unexpected_response",
    text`Kiwire did not answer ${where} with JSON: is the base URL a Kiwire 2.0 appliance?`,
  );
}

function errorOf(body: Record<string, unknown>): string | null {
  const error = body.error ?? body.message;
  return typeof error === "string" && error !== "" ? error : null;
}

/** Maps the refusals every endpoint shares (tenant, API switch) to messages a person can act on. */
function tenantProblem(error: string, cloudId: string): VendorError | null {
  const lower = error.toLowerCase();
  if (lower.includes(KNOWN_ERRORS.noCloudId) || lower.includes(KNOWN_ERRORS.cloudIdNotFound)) {
    return new VendorError(
      "not_found",
      text`Kiwire does not know the cloud ID "${cloudId}" (${error}): check the tenant code.`,
      {
        vendorMessage: error,
      },
    );
  }
  if (lower.includes(KNOWN_ERRORS.cloudIdNotAvailable)) {
    return new VendorError(
      "api_disabled",
      text`The Kiwire tenant "${cloudId}" is not available (${error}).`,
      {
        vendorMessage: error,
      },
    );
  }
  if (lower.includes(KNOWN_ERRORS.apiDisabled)) {
    return new VendorError(
      "api_disabled",
      text`The Kiwire API is switched off (${error}): enable it under Integrations → API.`,
      {
        vendorMessage: error,
      },
    );
  }
  return null;
}

export async function kiwireLogin(client: HttpClient, settings: KiwireSettings): Promise<KiwireSession> {
  const path = "/admin/agent/api_login.php";
  const response = await client.request({
    method: "POST",
    path,
    ...form({ code: kiwireLoginCode(settings.username, settings.password), cloud_id: settings.cloudId }),
    // A second login only issues another token, so a dropped connection or a 500 is retried like a read.
    idempotent: true,
  });
  const body = parseJson(response, path);
  const token = body.token;
  if (body.status === "success" && typeof token === "string" && token !== "") return { token };
  const error = errorOf(body) ?? `status ${String(body.status ?? "missing")}`;
  const tenant = tenantProblem(error, settings.cloudId);
  if (tenant) throw tenant;
  if (error.toLowerCase().includes(KNOWN_ERRORS.notValidUser)) {
    throw new VendorError(
      "wrong_credentials",
      text`Kiwire refused the user name or password (${error}). Check both; the user must be a Kiwire admin.`,
      { vendorMessage: error },
    );
  }
  throw new VendorError("unexpected_response", text`Kiwire refused the API login: ${error}.`, {
    vendorMessage: error,
  });
}

/** The fields that sign one module call, at `atMs` on the console's clock. */
export function signedFields(settings: KiwireSettings, session: KiwireSession, atMs: number) {
  const time = kiwireTime(atMs, settings.timeZone, settings.timeFormat);
  const apiKey =
    settings.signing === "raw" ? settings.apiKey : kiwireApiKey(settings.apiKey, session.token, time);
  return { token: session.token, time, api_key: apiKey, cloud_id: settings.cloudId };
}

function totalOf(body: Record<string, unknown>): number | null {
  const raw = body.total ?? body.count;
  const total = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number.NaN;
  return Number.isInteger(total) && total >= 0 ? total : null;
}

/** One signed module call; answers the envelope's data (`ret_data` or `return_data`) and its count. */
export async function kiwireCall(
  client: HttpClient,
  settings: KiwireSettings,
  session: KiwireSession,
  route: { module: string; method: string; value?: string },
  params: Record<string, string> = {},
  now: () => number = Date.now,
): Promise<KiwireAnswer> {
  const path = `/apiv2/${route.module}/${route.method}${route.value === undefined ? "" : `/${encodeURIComponent(route.value)}`}`;
  const response = await client.request({
    method: "POST",
    path,
    ...form({ ...params, ...signedFields(settings, session, now()) }),
    // `get` and `history` only read; create and delete must never be sent twice.
    idempotent: READ_METHODS.has(route.method),
  });
  const body = parseJson(response, `/apiv2/${route.module}/${route.method}`);
  const error = errorOf(body);
  if (error === null && [true, "true", 1, "1"].includes(body.is_success as never)) {
    return { data: body.ret_data ?? body.return_data, total: totalOf(body) };
  }
  const reason = error ?? "no is_success in the answer";
  const tenant = tenantProblem(reason, settings.cloudId);
  if (tenant) throw tenant;
  const lower = reason.toLowerCase();
  if (lower.includes(KNOWN_ERRORS.invalidApiKey)) {
    const serverDate = response.serverDate();
    const skew = serverDate ? serverDate.getTime() - now() : 0;
    if (Math.abs(skew) > SKEW_WARNING_MS) {
      throw new VendorError(
        "clock_skew",
        text`Kiwire rejected the signed API key (${reason}): the appliance's clock is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew > 0 ? text`ahead of` : text`behind`} the console's. Synchronise both with NTP.`,
        { vendorMessage: reason },
      );
    }
    throw new VendorError(
      "wrong_credentials",
      text`Kiwire rejected the signed API key (${reason}). Check the API key, the signing options (${settings.signing}, time as ${settings.timeFormat} in ${settings.timeZone}) and that the appliance's clock agrees with the console's.`,
      { vendorMessage: reason },
    );
  }
  if (lower.includes(KNOWN_ERRORS.loginExpired)) {
    throw new VendorError(
      "clock_skew",
      text`Kiwire says the login just made has expired (${reason}): the appliance's clock is probably far from the console's.`,
      { vendorMessage: reason },
    );
  }
  if (
    lower.includes(KNOWN_ERRORS.permissionDenied) ||
    lower.includes(KNOWN_ERRORS.moduleDisabled) ||
    lower.includes(KNOWN_ERRORS.moduleNotExisted)
  ) {
    throw new VendorError(
      "api_disabled",
      text`Kiwire refused /apiv2/${route.module}/${route.method} (${reason}): check the module and the permission toggles under Integrations → API.`,
      { vendorMessage: reason },
    );
  }
  throw new VendorError(
    "unexpected_response",
    text`Kiwire refused /apiv2/${route.module}/${route.method}: ${reason}.`,
    {
      vendorMessage: reason,
    },
  );
}

/**
 * The round trip behind "Test connection": the login proves user, password and cloud ID; one signed read
 * (`profile/get`, which needs no permission toggle) proves the API key, the signing options and the clock.
 */
export async function kiwireLoginRoundTrip(client: HttpClient, settings: KiwireSettings): Promise<string> {
  const session = await kiwireLogin(client, settings);
  await kiwireCall(client, settings, session, { module: "profile", method: "get" }, { limit: "1" });
  return `Logged in as ${settings.username} (cloud ${settings.cloudId}); a signed request was accepted`;
}
