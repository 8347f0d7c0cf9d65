import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient } from "@/lib/server/http/client";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { installSharedState } from "@/lib/server/shared-state/shared-state";
import { type SessionLease, VendorSessions } from "@/lib/server/shared-state/vendor-sessions";
import type { KiwirePage } from "./paged-read";
import {
  type KiwireAnswer,
  type KiwireSession,
  type KiwireSettings,
  kiwireCall,
  kiwireLogin,
} from "./session";
import { kiwireTime } from "./sign";

/**
 * The Kiwire client of one connection: a token cached per connection (`cacheKey` covers base URL, user and
 * cloud ID, i.e. the tenant), renewed before its 20 minutes run out, one login shared by concurrent callers
 * and console instances, and one re-login + replay when the appliance answers one of the two refusals its
 * error table cures by logging in again: "login expired" (kiwire-notes D6) and "permission denied" ("must
 * login back", which is also what a restarted appliance may answer to a token it forgot).
 */

/** Renew well before the appliance's absolute 20-minute lifetime so a call never races the expiry. */
export const TOKEN_RENEW_AFTER_MS = 15 * 60 * 1000;

interface CachedToken {
  session: KiwireSession;
  /** When the token was issued, on the console's clock (instances keep their clocks in step with NTP). */
  issuedAt: number;
}

/** Tokens are per connection and, with REDIS_URL, shared by every console instance: one login, not one each. */
const kiwireTokens = new VendorSessions<CachedToken>({
  kind: "kiwire-token",
  // The appliance's absolute lifetime: a token older than that is useless to anyone.
  ttlMs: 20 * 60 * 1000,
  parse: (raw) => {
    const { session, issuedAt } = (raw ?? {}) as { session?: { token?: unknown }; issuedAt?: unknown };
    const token = session?.token;
    return typeof token === "string" && typeof issuedAt === "number"
      ? { session: { token }, issuedAt }
      : null;
  },
});

/**
 * Test hook: a fresh in-process store, so no token cached by an earlier test is reused (it resets the other
 * shared values of the process too, which tests never rely on across cases).
 */
export function clearKiwireTokens(): void {
  installSharedState(new MemoryState());
}

/** The Kiwire permission toggle (Integrations → API) that gates each module call (kiwire-notes §1). */
const TOGGLES: Record<string, string> = {
  "user/get": "User Information",
  "user/create": "Add User",
  "user/delete": "Delete User",
  "voucher/get": "User Information",
  "voucher/create": "Add User",
  "voucher/delete": "Delete User",
  "login/history": "Login Record",
  "profile/create": "Add Profile/Plan",
  "profile/delete": "Delete Profile/Plan",
  "nas/create": "Add NAS",
  "nas/delete": "Delete NAS",
};

export class KiwireClient {
  constructor(
    private readonly http: HttpClient,
    private readonly settings: KiwireSettings,
    private readonly cacheKey: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The shared token while it is younger than the renewal age; otherwise one new login for everyone. */
  private session(): Promise<SessionLease<CachedToken>> {
    return kiwireTokens.obtain(
      this.cacheKey,
      async () => ({ session: await kiwireLogin(this.http, this.settings), issuedAt: this.now() }),
      (cached) => this.now() - cached.issuedAt < TOKEN_RENEW_AFTER_MS,
    );
  }

  /** The appliance's wall-clock time (`Y-m-d H:i:s` in its zone, as its rows spell dates) `agoMs` ago. */
  applianceTime(agoMs = 0): string {
    return kiwireTime(this.now() - agoMs, this.settings.timeZone, "Y-m-d H:i:s");
  }

  /** One module call; answers `ret_data`/`return_data` normalised to an array of records (notes D10). */
  async call(
    module: string,
    method: string,
    value?: string,
    params: Record<string, string> = {},
  ): Promise<Record<string, unknown>[]> {
    return toRows((await this.answer(module, method, value, params)).data);
  }

  /** One page of a list: the records and the count the appliance sent beside them, if any. */
  async page(module: string, method: string, value: string | undefined, params: Record<string, string>) {
    const answer = await this.answer(module, method, value, params);
    return { rows: toRows(answer.data), total: answer.total } satisfies KiwirePage;
  }

  /** One module call, its data as sent (a write's answer may hold records, bare codes or nothing). */
  async answer(
    module: string,
    method: string,
    value?: string,
    params: Record<string, string> = {},
  ): Promise<KiwireAnswer> {
    const route = { module, method, value };
    const lease = await this.session();
    try {
      return await kiwireCall(this.http, this.settings, lease.value.session, route, params, this.now);
    } catch (error) {
      if (!curedByLogin(error)) throw this.explain(error, module, method);
      // Both refusals come from the checks the appliance makes before it runs a method (error table), so
      // replaying the call once cannot write twice. Only this token is dropped: if another caller already
      // replaced it, the replay uses theirs instead of logging in again. A "permission denied" that survives
      // a fresh token is a permission toggle, and `explain` names it.
      await kiwireTokens.invalidate(this.cacheKey, lease);
      const renewed = await this.session();
      try {
        return await kiwireCall(this.http, this.settings, renewed.value.session, route, params, this.now);
      } catch (again) {
        throw this.explain(again, module, method);
      }
    }
  }

  private explain(error: unknown, module: string, method: string): unknown {
    if (!(error instanceof VendorError) || !error.vendorMessage) return error;
    const lower = error.vendorMessage.toLowerCase();
    const where = `/apiv2/${module}/${method}`;
    if (lower.includes("permission denied")) {
      const toggle = TOGGLES[`${module}/${method}`];
      return new VendorError(
        "api_disabled",
        toggle
          ? text`Kiwire refused ${where} (permission denied): switch on the "${toggle}" permission under Integrations → API in Kiwire.`
          : text`Kiwire refused ${where} (permission denied): check the permission toggles under Integrations → API in Kiwire.`,
        { vendorMessage: error.vendorMessage },
      );
    }
    if (lower.includes("module disabled")) {
      return new VendorError(
        "api_disabled",
        text`The Kiwire "${module}" module is switched off (module disabled): enable it in Kiwire.`,
        { vendorMessage: error.vendorMessage },
      );
    }
    if (lower.includes("module not existed")) {
      return new VendorError(
        "unexpected_response",
        text`This Kiwire does not offer ${where} (module not existed): its version may not support it.`,
        { vendorMessage: error.vendorMessage },
      );
    }
    // Only the generic refusals are the method's own (tenant, API switch and signing are already classified).
    if (error.outcome !== "unexpected_response") return error;
    if (lower.includes("not found")) {
      return new VendorError("not_found", text`Kiwire: ${error.vendorMessage}.`, {
        status: 404,
        vendorMessage: error.vendorMessage,
      });
    }
    if (
      lower.includes("already existed") ||
      lower.includes("missing parameter") ||
      lower.includes("invalid parameter") ||
      lower.includes("qty must")
    ) {
      return new VendorError(
        "unexpected_response",
        text`Kiwire refused the request: ${error.vendorMessage}.`,
        {
          status: 422,
          vendorMessage: error.vendorMessage,
        },
      );
    }
    return error;
  }
}

/** The error table's two refusals whose cure is "login again": an expired token and a missing/forgotten one. */
function curedByLogin(error: unknown): boolean {
  if (!(error instanceof VendorError)) return false;
  const lower = (error.vendorMessage ?? "").toLowerCase();
  return lower.includes("login expired") || lower.includes("permission denied");
}

export function toRows(data: unknown): Record<string, unknown>[] {
  const list = Array.isArray(data) ? data : data && typeof data === "object" ? [data] : [];
  return list.filter(
    (row): row is Record<string, unknown> => !!row && typeof row === "object" && !Array.isArray(row),
  );
}
