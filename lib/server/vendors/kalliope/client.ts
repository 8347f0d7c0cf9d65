import "server-only";
import type { KalliopeCall } from "@/lib/api/kalliope";
import { type TextValue, text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";
import { parseCdr } from "./cdr-parse";
import { pbxDateAt, wallTimeAt } from "./pbx-time";
import { CREATED_WINDOW_MS, fetchSalt, type KalliopeCredentials, REFUSALS } from "./session";
import { createdAt, digestPassword, randomNonce, xAuthenticate } from "./sign";

/**
 * The KalliopePBX CDR client of one connection. The PBX says nothing about why it refuses a signed request
 * (notes §1.7), so on a refusal the client reads the PBX's `Date`: a clock beyond the ±5 minute window is
 * reported as such; a smaller skew is corrected (sign with the PBX's time from then on) and the request is
 * sent once more with a new nonce and a freshly fetched salt (it changes when a backup is restored).
 */

/** A day of a busy PBX's detailed records is a few MiB; bound one answer well above that. */
export const MAX_CDR_RESPONSE_BYTES = 96 * 1024 * 1024;
/** Below this the clocks agree as well as a `Date` header (1 s resolution plus latency) can tell. */
const SKEW_NOISE_MS = 2_000;
const ACCEPT = "application/json, text/csv;q=0.9, application/xml;q=0.8";

const salts = new Map<string, Promise<string>>();
const skews = new Map<string, number>();

/** For tests: forget every cached salt and clock correction. */
export function resetKalliopeCaches(): void {
  salts.clear();
  skews.clear();
}

/** Forgets the salts and clock corrections of a removed connection (keys start with its id and a colon). */
export function forgetKalliopeSigning(connectionId: string): void {
  const prefix = `${connectionId}:`;
  for (const key of [...salts.keys()]) if (key.startsWith(prefix)) salts.delete(key);
  for (const key of [...skews.keys()]) if (key.startsWith(prefix)) skews.delete(key);
}

/** A CDR answer's bytes and their declared type (JSON, CSV or XML: `parseCdr` reads all three). */
export interface CdrAnswer {
  body: Buffer;
  contentType: string | undefined;
}

export interface KalliopeClientOptions {
  http: HttpClient;
  credentials: KalliopeCredentials;
  /** Per-connection cache key (from `vendorConnection`); salts and clock skews are kept under it. */
  cacheKey: string;
  /** The PBX's IANA time zone: its CDR times and day boundaries are local (default UTC). */
  timeZone?: string;
  now?: () => number;
  nonce?: () => string;
}

/** `YYYY-MM-DD` → the URL segments of one day. */
function dayPath(day: string): string {
  const [y, m, d] = day.split("-");
  return `${y}/${m}/${d}`;
}

export class KalliopeClient {
  private readonly http: HttpClient;
  private readonly credentials: KalliopeCredentials;
  private readonly key: string;
  private readonly now: () => number;
  private readonly nonce: () => string;
  readonly timeZone: string;

  constructor(options: KalliopeClientOptions) {
    this.http = options.http;
    this.credentials = options.credentials;
    this.key = `${options.cacheKey}:${options.credentials.domain}`;
    this.now = options.now ?? Date.now;
    this.nonce = options.nonce ?? randomNonce;
    this.timeZone = options.timeZone ?? "UTC";
  }

  /** The PBX's clock as the console best knows it. */
  pbxNow(): number {
    return this.now() + (skews.get(this.key) ?? 0);
  }

  /** The PBX's current date, `YYYY-MM-DD`, in its time zone. */
  pbxToday(): string {
    return pbxDateAt(this.pbxNow(), this.timeZone);
  }

  private salt(fresh = false): Promise<string> {
    let salt = fresh ? undefined : salts.get(this.key);
    if (!salt) {
      salt = fetchSalt(this.http, this.credentials.domain);
      salts.set(this.key, salt);
      // A failed fetch must not stay cached.
      salt.catch(() => salts.delete(this.key));
    }
    return salt;
  }

  private async send(
    method: "GET" | "POST",
    path: string,
    body: string | undefined,
    salt: string,
  ): Promise<HttpResponse> {
    const sign = () => ({
      "x-authenticate": xAuthenticate({
        username: this.credentials.username,
        domain: this.credentials.domain,
        digestPassword: digestPassword(this.credentials.password, salt),
        nonce: this.nonce(),
        created: createdAt(new Date(this.pbxNow())),
      }),
    });
    return this.http.request({
      method,
      path,
      headers: {
        accept: ACCEPT,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      // The PBX refuses a nonce it has seen: each transport attempt is signed anew.
      signHeaders: sign,
      body,
      maxResponseBytes: MAX_CDR_RESPONSE_BYTES,
      // Every call of this client reads call records (the POST is a search), so it may be retried.
      idempotent: true,
    });
  }

  /**
   * One signed request, with one retry after a refusal (new nonce, fresh salt, corrected clock). The PBX's
   * refusal status is undocumented (notes §1.7): 401, 403 and 400 are all taken for one. 400 and 403 may also
   * refuse the request itself (a date it cannot read, a right the user lacks), so when the retry meets them
   * again a signed read without arguments decides: if that passes, the refusal is this request's and is
   * returned to the caller as an answer; never more than these three signed requests.
   */
  async request(method: "GET" | "POST", path: string, body?: string): Promise<HttpResponse> {
    const first = await this.send(method, path, body, await this.salt());
    if (!REFUSALS.has(first.status)) return first;
    this.checkClock(first);
    const salt = await this.salt(true);
    const second = await this.send(method, path, body, salt);
    if (!REFUSALS.has(second.status)) return second;
    this.checkClock(second);
    if (second.status !== 401 && (await this.signatureAccepted(salt))) return second;
    throw new VendorError(
      "wrong_credentials",
      text`KalliopePBX refused the user name or password for domain "${this.credentials.domain}" (HTTP ${second.status}). Check both, and that the user has the API permission.`,
      { vendorMessage: `HTTP ${second.status}` },
    );
  }

  /** Whether the PBX takes our signature at all: the firmware version needs nothing but the header. */
  private async signatureAccepted(salt: string): Promise<boolean> {
    const probe = await this.send("GET", "/rest/dashboard/firmwareVersion", undefined, salt);
    return !REFUSALS.has(probe.status);
  }

  /** After a refusal: a skew beyond the window is an error; a smaller one is corrected for what follows. */
  private checkClock(response: HttpResponse): void {
    const serverDate = response.serverDate();
    if (!serverDate) return;
    const skew = serverDate.getTime() - this.now();
    if (Math.abs(skew) > CREATED_WINDOW_MS) {
      throw new VendorError(
        "clock_skew",
        text`KalliopePBX refused the signed request: its clock is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew > 0 ? text`ahead of` : text`behind`} the console's, and X-authenticate allows 5. Synchronise both with NTP.`,
        { vendorMessage: `HTTP ${response.status}` },
      );
    }
    if (Math.abs(skew) > SKEW_NOISE_MS) skews.set(this.key, skew);
  }

  private answer(response: HttpResponse, what: TextValue): CdrAnswer {
    if (response.status !== 200) {
      throw new VendorError(
        "unexpected_response",
        text`KalliopePBX answered HTTP ${response.status} to the call records request for ${what}.`,
        { vendorMessage: response.text().slice(0, 200) },
      );
    }
    return { body: response.body, contentType: response.header("content-type") };
  }

  private calls(response: HttpResponse, what: TextValue): KalliopeCall[] {
    const { body, contentType } = this.answer(response, what);
    return parseCdr(body.toString("utf8"), contentType);
  }

  /**
   * A whole day by URL (document §2.1), as the PBX sent it: the day cache stores these bytes compressed, so a
   * cached day is parsed exactly like a fetched one. `summary` is a quarter of `detailed`, which adds paths.
   */
  async fetchDayAnswer(day: string, format: "summary" | "detailed"): Promise<CdrAnswer> {
    return this.answer(await this.request("GET", `/rest/cdr/${format}/${dayPath(day)}`), day);
  }

  /** A whole day, `detailed` so each call carries its path. */
  async fetchDay(day: string): Promise<KalliopeCall[]> {
    const { body, contentType } = await this.fetchDayAnswer(day, "detailed");
    return parseCdr(body.toString("utf8"), contentType);
  }

  /**
   * A sub-day window or one call by unique id (document §2.4). Both ends inclusive; a string is a PBX local
   * time already, a Date is written on the PBX's wall clock.
   */
  async fetchWindow(filter: {
    begin?: Date | string;
    end?: Date | string;
    uniqueId?: string;
  }): Promise<KalliopeCall[]> {
    const cdr: Record<string, string> = {};
    const local = (value: Date | string) =>
      typeof value === "string" ? value : wallTimeAt(value.getTime(), this.timeZone);
    if (filter.begin !== undefined) cdr.begin = local(filter.begin);
    if (filter.end !== undefined) cdr.end = local(filter.end);
    if (filter.uniqueId !== undefined) cdr.unique_id = filter.uniqueId;
    const what = filter.uniqueId ? text`call ${filter.uniqueId}` : `${cdr.begin ?? "…"} – ${cdr.end ?? "…"}`;
    return this.calls(await this.request("POST", "/rest/cdr/detailed", JSON.stringify({ cdr })), what);
  }
}
