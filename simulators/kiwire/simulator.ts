import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError } from "../shared/body";
import { createClock } from "../shared/clock";
import { type Faults, NO_FAULTS, withFaults } from "../shared/faults";
import { createRandom } from "../shared/random";
import { listen } from "../shared/server";
import type { RunningSimulator, SimulatorOptions } from "../shared/types";
import {
  assertTimeZone,
  formatApplianceTime,
  type KiwireTimeFormat,
  parseApplianceTime,
} from "./appliance-time";
import { KIWIRE_ERRORS, refusalHttpStatus } from "./errors";
import { createLoginHistory, type HistorySubject, type LoginHistory } from "./login-history";
import { MODULES, type ModuleContext, type ModuleOutcome } from "./modules";
import { readParams } from "./params";
import {
  allPermissions,
  KIWIRE_MODULES,
  type KiwireAccountState,
  type KiwireModule,
  type KiwirePermission,
  type KiwireProtocolConfig,
} from "./protocol";
import { type KiwireStore, seedStore } from "./seed-data";
import { kiwireApiKey, kiwireLoginCode } from "./signing";
import { createUnauthorizedDevices } from "./unauthorized-devices";

/** Console connection fields for a Kiwire appliance. */
export type KiwireCredentials = {
  username: string;
  password: string;
  apiKey: string;
  cloudId: string;
};

export interface KiwireSimulatorOptions extends SimulatorOptions, Partial<KiwireProtocolConfig> {
  /** API login (an admin of the appliance). Defaults: the document's vector, "hakim" / "admin". */
  username?: string;
  password?: string;
  /** The real API key ("Authentication Key"); any text, K7's is a UUID. */
  apiKey?: string;
  /** Tenant code (`cloud_id`). */
  cloudId?: string;
  /** Account-level switches at start (all can be changed later on `simulator.account`). */
  apiEnabled?: boolean;
  tenantAvailable?: boolean;
  disabledModules?: readonly KiwireModule[];
  permissionsOff?: readonly KiwirePermission[];
  /** Seeded sizes. */
  users?: number;
  vouchers?: number;
  profiles?: number;
  nas?: number;
  devices?: number;
  /** Days of login history behind the anchor. */
  historyDays?: number;
  /** Most sessions generated per account over `historyDays`. */
  maxSessionsPerAccount?: number;
  /** Digits after the prefix in voucher codes. */
  voucherCodeDigits?: number;
  /** Date the seeded data from this instant instead of the start time (same seed + anchor, same data). */
  anchorMs?: number;
}

export const KIWIRE_DEFAULTS = {
  username: "hakim",
  password: "admin",
  apiKey: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
  cloudId: "DEMO",
  seed: 1,
  users: 5_000,
  vouchers: 20_000,
  profiles: 10,
  nas: 8,
  devices: 6,
  historyDays: 30,
  maxSessionsPerAccount: 8,
  voucherCodeDigits: 6,
} as const;

export const KIWIRE_DEFAULT_CONFIG: Readonly<KiwireProtocolConfig> = {
  timeZone: "UTC",
  timeFormat: "YmdHis",
  maxClockSkewSeconds: 300,
  signing: "md5",
  tokenLifetimeSeconds: 20 * 60,
  envelope: "per-endpoint",
  isSuccess: "per-endpoint",
  statusVocabulary: "v2",
  voucherDelete: "expire",
  listFilters: false,
  includeSecrets: false,
  loginFailureError: KIWIRE_ERRORS.notValidUser,
  maxVoucherQuantity: 1000,
  voucherCreateData: "records",
  maxListLimit: null,
  forgottenToken: "login-expired",
  userCreateStatus: "documented",
  nasZoneColumn: true,
  listTotal: "none",
  singleGet: "array",
  getMiss: "empty",
  refusalStatus: "200",
};

interface TokenSession {
  admin: string;
  issuedAt: number;
  revoked: boolean;
}

export interface RunningKiwireSimulator extends RunningSimulator {
  kind: "kiwire";
  credentials: KiwireCredentials;
  /** Protocol choices; mutable while running. */
  config: KiwireProtocolConfig;
  /** Account-level switches (API enabled, modules, permissions, the API key); mutable while running. */
  account: KiwireAccountState;
  /** The appliance's data, for tests to inspect or change. */
  store: KiwireStore;
  history: LoginHistory;
  stats: { requests: number; logins: number; apiCalls: number; refused: number };
  /** Every issued token now answers "login expired...", as if 20 minutes had passed. */
  expireAllTokens(): void;
  /** An appliance restart: every issued token is forgotten and answers as `forgottenToken` says. */
  restart(): void;
  /** Tokens that would still be accepted. */
  activeTokenCount(): number;
  /** `{ time, api_key }` for a call signed with `token` at `atMs` (default: the simulator clock). */
  sign(token: string, atMs?: number, format?: KiwireTimeFormat): { time: string; api_key: string };
}

export async function startKiwireSimulator(
  options: KiwireSimulatorOptions = {},
): Promise<RunningKiwireSimulator> {
  const config: KiwireProtocolConfig = { ...KIWIRE_DEFAULT_CONFIG };
  for (const key of Object.keys(KIWIRE_DEFAULT_CONFIG) as Array<keyof KiwireProtocolConfig>) {
    if (options[key] !== undefined) Object.assign(config, { [key]: options[key] });
  }
  assertTimeZone(config.timeZone);
  const seed = options.seed ?? KIWIRE_DEFAULTS.seed;
  const credentials: KiwireCredentials = {
    username: options.username ?? KIWIRE_DEFAULTS.username,
    password: options.password ?? KIWIRE_DEFAULTS.password,
    apiKey: options.apiKey ?? KIWIRE_DEFAULTS.apiKey,
    cloudId: options.cloudId ?? KIWIRE_DEFAULTS.cloudId,
  };
  const account: KiwireAccountState = {
    apiKey: credentials.apiKey,
    apiEnabled: options.apiEnabled ?? true,
    tenantAvailable: options.tenantAvailable ?? true,
    disabledModules: new Set(options.disabledModules ?? []),
    permissions: allPermissions(true),
  };
  for (const permission of options.permissionsOff ?? []) account.permissions[permission] = false;

  const clock = createClock(options.clockOffsetMs ?? 0);
  const random = createRandom(seed);
  const anchorMs = options.anchorMs ?? clock.now();
  const store = seedStore({
    random,
    anchorMs,
    cloudId: credentials.cloudId,
    adminUsername: credentials.username,
    adminPassword: credentials.password,
    sizes: {
      users: options.users ?? KIWIRE_DEFAULTS.users,
      vouchers: options.vouchers ?? KIWIRE_DEFAULTS.vouchers,
      profiles: options.profiles ?? KIWIRE_DEFAULTS.profiles,
      nas: options.nas ?? KIWIRE_DEFAULTS.nas,
      devices: options.devices ?? KIWIRE_DEFAULTS.devices,
      voucherCodeDigits: options.voucherCodeDigits ?? KIWIRE_DEFAULTS.voucherCodeDigits,
    },
  });
  const history = createLoginHistory({
    seed,
    anchorMs,
    nas: [...store.nas.values()],
    subjects: historySubjects(
      store,
      anchorMs - (options.historyDays ?? KIWIRE_DEFAULTS.historyDays) * 86_400_000,
      options.maxSessionsPerAccount ?? KIWIRE_DEFAULTS.maxSessionsPerAccount,
    ),
  });
  const unauthorized = createUnauthorizedDevices(seed, anchorMs);

  const sessions = new Map<string, TokenSession>();
  const stats = { requests: 0, logins: 0, apiCalls: 0, refused: 0 };
  const faults: Faults = { ...NO_FAULTS, ...options.faults };
  const tokenAlive = (session: TokenSession, now: number) =>
    !session.revoked && now < session.issuedAt + config.tokenLifetimeSeconds * 1000;

  const send = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  // A refusal is `{"error": ...}`, with HTTP 200 by default (notes D12): the console must read the body.
  const refusalStatus = (error: string) =>
    config.refusalStatus === "by-cause" ? refusalHttpStatus(error) : 200;
  const refuse = (res: ServerResponse, error: string) => {
    stats.refused++;
    send(res, { error }, refusalStatus(error));
  };

  /** `api_login.php`: `{status, token}` on success (doc), `{status: "failed", error}` otherwise (notes D4). */
  const handleLogin = (params: Record<string, string>, res: ServerResponse) => {
    const failed = (error: string) => {
      stats.refused++;
      send(res, { status: "failed", error }, refusalStatus(error));
    };
    const tenantError = checkTenant(params.cloud_id);
    if (tenantError) return failed(tenantError);
    const code = params.code ?? "";
    const admin = [...store.admins.values()].find((a) => kiwireLoginCode(a.username, a.password) === code);
    if (!admin) return failed(config.loginFailureError);
    const now = clock.now();
    for (const [token, session] of sessions) if (!tokenAlive(session, now)) sessions.delete(token);
    const token = randomBytes(16).toString("hex");
    sessions.set(token, { admin: admin.username, issuedAt: now, revoked: false });
    admin.lastlogin = now;
    stats.logins++;
    send(res, { status: "success", token });
  };

  const checkTenant = (cloudId: string | undefined): string | null => {
    if (cloudId === undefined || cloudId === "") return KIWIRE_ERRORS.noCloudId;
    if (cloudId !== store.cloudId) return KIWIRE_ERRORS.cloudIdNotFound;
    if (!account.tenantAvailable) return KIWIRE_ERRORS.cloudIdNotAvailable;
    if (!account.apiEnabled) return KIWIRE_ERRORS.apiDisabled;
    return null;
  };

  /** True when `api_key`/`time` sign the call as the configured mode requires (notes D1, D5, D13). */
  const signatureValid = (params: Record<string, string>, token: string): boolean => {
    const apiKey = params.api_key ?? "";
    if (config.signing !== "md5" && apiKey === account.apiKey) return true;
    if (config.signing === "raw") return false;
    const time = params.time ?? "";
    if (apiKey !== kiwireApiKey(account.apiKey, token, time)) return false;
    const formats: KiwireTimeFormat[] =
      config.timeFormat === "either" ? ["YmdHis", "Y-m-d H:i:s"] : [config.timeFormat];
    const signedAt = parseApplianceTime(time, config.timeZone, formats);
    if (signedAt === null) return false;
    return (
      config.maxClockSkewSeconds === null ||
      Math.abs(signedAt - clock.now()) <= config.maxClockSkewSeconds * 1000
    );
  };

  /** `/apiv2/{module}/{method}/{value}`, checks in the order the README lists. */
  const handleApi = (path: string, params: Record<string, string>, res: ServerResponse) => {
    const route = parseApiPath(path);
    if (!route) return refuse(res, KIWIRE_ERRORS.provideFullUrl);
    const tenantError = checkTenant(params.cloud_id);
    if (tenantError) return refuse(res, tenantError);
    const token = params.token ?? "";
    if (token === "" || (params.api_key ?? "") === "") return refuse(res, KIWIRE_ERRORS.permissionDenied);
    const session = sessions.get(token);
    if (!session) {
      // Expired sessions are purged and a restart forgets them all: the appliance cannot tell why it does not
      // know a token, so which row of the error table it answers is a guess (`forgottenToken`).
      return refuse(
        res,
        config.forgottenToken === "permission-denied"
          ? KIWIRE_ERRORS.permissionDenied
          : KIWIRE_ERRORS.loginExpired,
      );
    }
    if (!tokenAlive(session, clock.now())) return refuse(res, KIWIRE_ERRORS.loginExpired);
    if (!signatureValid(params, token)) return refuse(res, KIWIRE_ERRORS.invalidApiKey);
    const module = KIWIRE_MODULES.find((m) => m === route.module);
    const method = module === undefined ? undefined : MODULES.get(module)?.get(route.method);
    if (module === undefined || method === undefined) return refuse(res, KIWIRE_ERRORS.moduleNotExisted);
    if (account.disabledModules.has(module)) return refuse(res, KIWIRE_ERRORS.moduleDisabled);
    if (method.permission !== null && !account.permissions[method.permission]) {
      return refuse(res, KIWIRE_ERRORS.permissionDenied);
    }
    const ctx: ModuleContext = {
      store,
      history,
      unauthorized,
      config,
      account,
      random,
      now: clock.now(),
      admin: session.admin,
      value: route.value,
      params,
    };
    const outcome = method.run(ctx);
    if (!outcome.ok) return refuse(res, outcome.error);
    stats.apiCalls++;
    send(res, envelope(outcome, module === "login" ? "example" : "general", config));
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://kiwire.invalid");
    const path = url.pathname;
    const isLogin = path === "/admin/agent/api_login.php";
    if (!isLogin && path !== "/apiv2" && !path.startsWith("/apiv2/")) {
      res.writeHead(404, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(`<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>`);
      return;
    }
    let params: Record<string, string>;
    try {
      params = await readParams(req, url);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.writeHead(413, { "content-type": "text/html; charset=iso-8859-1" });
      res.end("<html><body><h1>Request Entity Too Large</h1></body></html>");
      return;
    }
    if (isLogin) handleLogin(params, res);
    else handleApi(path, params, res);
  };

  const faulty = withFaults(handler, faults, createRandom(seed + 1));
  const server = await listen(async (req, res) => {
    stats.requests++;
    await faulty(req, res);
  }, options);

  return {
    kind: "kiwire",
    baseUrl: server.baseUrl,
    credentials,
    tls: server.tls,
    faults,
    clock,
    stats,
    config,
    account,
    store,
    history,
    close: server.close,
    expireAllTokens() {
      for (const session of sessions.values()) session.revoked = true;
    },
    restart() {
      sessions.clear();
    },
    activeTokenCount() {
      const now = clock.now();
      return [...sessions.values()].filter((session) => tokenAlive(session, now)).length;
    },
    sign(token, atMs = clock.now(), format = "YmdHis") {
      const time = formatApplianceTime(atMs, config.timeZone, format);
      return { time, api_key: kiwireApiKey(account.apiKey, token, time) };
    },
  };
}

interface ApiRoute {
  module: string;
  method: string;
  value: string | undefined;
}

/**
 * Splits `/apiv2/{module}/{method}/{value}`; `{value}` and a trailing slash are optional (notes D7). Null
 * when the module or method is missing, a segment is empty, there are extra segments, or the value does not
 * decode: "please provide full url".
 */
function parseApiPath(path: string): ApiRoute | null {
  const segments = path.slice("/apiv2/".length).replace(/\/$/, "").split("/");
  const [module, method, value, ...extra] = segments;
  if (!module || !method || value === "" || extra.length > 0) return null;
  let decoded: string | undefined;
  try {
    decoded = value === undefined ? undefined : decodeURIComponent(value);
  } catch {
    return null;
  }
  return { module, method, value: decoded };
}

/**
 * The success envelope. The document's "General Result" says `is_success` (boolean), `result_msg`, `ret_data`;
 * its only response example — in the Login module — says `"is_success": "true"`, `result_message`,
 * `return_data`, and K7 reads those on `login/online` (notes §2, D2, D3). So by default the login module answers
 * in the example's spelling and every other module in the general one; `envelope` / `isSuccess` force one.
 */
function envelope(
  outcome: Extract<ModuleOutcome, { ok: true }>,
  endpoint: "general" | "example",
  config: KiwireProtocolConfig,
): Record<string, unknown> {
  const spelling =
    config.envelope === "per-endpoint"
      ? endpoint === "example"
        ? "result_message"
        : "result_msg"
      : config.envelope;
  const successType =
    config.isSuccess === "per-endpoint" ? (endpoint === "example" ? "string" : "boolean") : config.isSuccess;
  const body: Record<string, unknown> = { is_success: successType === "string" ? "true" : true };
  const [messageKey, dataKey] =
    spelling === "result_msg" ? ["result_msg", "ret_data"] : ["result_message", "return_data"];
  body[messageKey] = outcome.message;
  // `data` is left out only where `voucherCreateData: "none"` answers without it.
  if (outcome.data !== undefined) body[dataKey] = outcome.data;
  // `total` exists only with the non-vendor list filters switched on.
  if (outcome.total !== undefined) body.total = outcome.total;
  return body;
}

/** Accounts with login history: every seeded user, and every seeded voucher that was activated. */
function historySubjects(store: KiwireStore, windowStart: number, maxSessions: number): HistorySubject[] {
  const subjects: HistorySubject[] = [];
  for (const user of store.users.values()) {
    subjects.push({
      username: user.username,
      from: Math.max(user.createdate, windowStart),
      to: Math.min(user.expiry ?? store.anchorMs, store.anchorMs),
      maxSessions,
    });
  }
  for (const voucher of store.vouchers.values()) {
    if (voucher.actdate === null) continue;
    subjects.push({
      username: voucher.username,
      from: Math.max(voucher.actdate, windowStart),
      to: Math.min(voucher.expiry ?? store.anchorMs, store.anchorMs),
      maxSessions: Math.min(maxSessions, 4),
    });
  }
  return subjects;
}
