import "server-only";
import type { HttpClient } from "@/lib/server/http/client";
import { VendorError } from "@/lib/server/http/errors";
import { type KiwireSession, type KiwireSettings, kiwireCall, kiwireLogin } from "./session";

/**
 * The Kiwire client of one connection: a token cached per connection (`cacheKey` covers base URL, user and
 * cloud ID, i.e. the tenant), renewed before its 20 minutes run out, one login shared by concurrent callers,
 * and one re-login + replay when the appliance says "login expired" (kiwire-notes D6).
 */

/** Renew well before the appliance's absolute 20-minute lifetime so a call never races the expiry. */
export const TOKEN_RENEW_AFTER_MS = 15 * 60 * 1000;

interface CachedToken {
  session: KiwireSession;
  issuedAt: number;
}

const tokens = new Map<string, CachedToken>();
const logins = new Map<string, Promise<CachedToken>>();

/** Test hook: forget every cached token. */
export function clearKiwireTokens(): void {
  tokens.clear();
  logins.clear();
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

  private async session(forceNew: boolean): Promise<KiwireSession> {
    const cached = tokens.get(this.cacheKey);
    if (!forceNew && cached && this.now() - cached.issuedAt < TOKEN_RENEW_AFTER_MS) return cached.session;
    let pending = logins.get(this.cacheKey);
    if (!pending) {
      pending = kiwireLogin(this.http, this.settings)
        .then((session) => {
          const entry = { session, issuedAt: this.now() };
          tokens.set(this.cacheKey, entry);
          return entry;
        })
        .finally(() => logins.delete(this.cacheKey));
      logins.set(this.cacheKey, pending);
    }
    return (await pending).session;
  }

  /** One module call; answers `ret_data`/`return_data` normalised to an array (notes D10). */
  async call(
    module: string,
    method: string,
    value?: string,
    params: Record<string, string> = {},
  ): Promise<Record<string, unknown>[]> {
    const route = { module, method, value };
    let session = await this.session(false);
    let data: unknown;
    try {
      data = await kiwireCall(this.http, this.settings, session, route, params, this.now);
    } catch (error) {
      if (!isLoginExpired(error)) throw this.explain(error, module, method);
      // The token died on the appliance (restart, expiry, another admin's action): the call was refused
      // before it ran, so replaying it once cannot write twice.
      if (tokens.get(this.cacheKey)?.session.token === session.token) tokens.delete(this.cacheKey);
      session = await this.session(true);
      try {
        data = await kiwireCall(this.http, this.settings, session, route, params, this.now);
      } catch (again) {
        throw this.explain(again, module, method);
      }
    }
    return toRows(data);
  }

  private explain(error: unknown, module: string, method: string): unknown {
    if (!(error instanceof VendorError) || !error.vendorMessage) return error;
    const text = error.vendorMessage.toLowerCase();
    const where = `/apiv2/${module}/${method}`;
    if (text.includes("permission denied")) {
      const toggle = TOGGLES[`${module}/${method}`];
      return new VendorError(
        "api_disabled",
        toggle
          ? `Kiwire refused ${where} (permission denied): switch on the "${toggle}" permission under Integrations → API in Kiwire.`
          : `Kiwire refused ${where} (permission denied): check the permission toggles under Integrations → API in Kiwire.`,
        { vendorMessage: error.vendorMessage },
      );
    }
    if (text.includes("module disabled")) {
      return new VendorError(
        "api_disabled",
        `The Kiwire "${module}" module is switched off (module disabled): enable it in Kiwire.`,
        { vendorMessage: error.vendorMessage },
      );
    }
    if (text.includes("module not existed")) {
      return new VendorError(
        "unexpected_response",
        `This Kiwire does not offer ${where} (module not existed): its version may not support it.`,
        { vendorMessage: error.vendorMessage },
      );
    }
    // Only the generic refusals are the method's own (tenant, API switch and signing are already classified).
    if (error.outcome !== "unexpected_response") return error;
    if (text.includes("not found")) {
      return new VendorError("not_found", `Kiwire: ${error.vendorMessage}.`, {
        status: 404,
        vendorMessage: error.vendorMessage,
      });
    }
    if (
      text.includes("already existed") ||
      text.includes("missing parameter") ||
      text.includes("invalid parameter") ||
      text.includes("qty must")
    ) {
      return new VendorError("unexpected_response", `Kiwire refused the request: ${error.vendorMessage}.`, {
        status: 422,
        vendorMessage: error.vendorMessage,
      });
    }
    return error;
  }
}

function isLoginExpired(error: unknown): boolean {
  return error instanceof VendorError && (error.vendorMessage ?? "").toLowerCase().includes("login expired");
}

export function toRows(data: unknown): Record<string, unknown>[] {
  const list = Array.isArray(data) ? data : data && typeof data === "object" ? [data] : [];
  return list.filter(
    (row): row is Record<string, unknown> => !!row && typeof row === "object" && !Array.isArray(row),
  );
}
