import type { KiwireTimeFormat } from "./appliance-time";

/** API modules of the document's "Supported Modules" list, by their URL segment. */
export const KIWIRE_MODULES = ["admin", "nas", "device", "profile", "login", "user", "voucher"] as const;
export type KiwireModule = (typeof KIWIRE_MODULES)[number];

/**
 * The "API Permission" toggles of the document, one key per row of its table. The Update* toggles exist in
 * the UI but gate nothing here: the API documents no update method.
 */
export const KIWIRE_PERMISSIONS = [
  "add_user",
  "update_user",
  "delete_user",
  "add_admin",
  "update_admin",
  "delete_admin",
  "add_nas",
  "update_nas",
  "delete_nas",
  "add_device",
  "update_device",
  "delete_device",
  "add_profile",
  "update_profile",
  "delete_profile",
  "user_information",
  "login_record",
] as const;
export type KiwirePermission = (typeof KIWIRE_PERMISSIONS)[number];

/**
 * How the simulator speaks the protocol where the document is ambiguous (see README). Mutable while the
 * simulator runs, so a test can switch, say, the envelope spelling between two requests.
 */
export interface KiwireProtocolConfig {
  /** IANA zone of the appliance: `time` is read and every date written in it (notes D1, §7). */
  timeZone: string;
  /**
   * Accepted spellings of the signed `time` (notes D1). "YmdHis" (the default) is the document's "must be in
   * this format"; "either" also takes the history table's `Y-m-d H:i:s`; "Y-m-d H:i:s" takes only that one.
   */
  timeFormat: KiwireTimeFormat | "either";
  /** How far the signed `time` may be from the simulator clock, either way; null disables the check. */
  maxClockSkewSeconds: number | null;
  /** "md5": the document's `md5(key+token+time)`; "raw": K7's raw key without `time`; "either" (notes D5). */
  signing: "md5" | "raw" | "either";
  /** Absolute token lifetime from login (notes D6). */
  tokenLifetimeSeconds: number;
  /** Field names of the success envelope: per endpoint as documented, or one spelling forced (notes D2). */
  envelope: "per-endpoint" | "result_msg" | "result_message";
  /** Type of `is_success`: per endpoint as documented, or one forced (notes D3). */
  isSuccess: "per-endpoint" | "boolean" | "string";
  /** "v2" emits `act/exp/sus` (notes D9); "v3" emits `active/expired/suspend` to test the console's mapping. */
  statusVocabulary: "v2" | "v3";
  /** "expire" keeps a deleted voucher with status `exp` (notes §4, K2); "erase" removes it. */
  voucherDelete: "expire" | "erase";
  /** Non-vendor list filters and a `total` field on user/voucher get (off: the real API only pages). */
  listFilters: boolean;
  /** Include `password`/`secret` fields in records, to test that the console strips them. */
  includeSecrets: boolean;
  /** `error` of a failed `api_login.php` (wrong code); the document's table calls it "not valid user". */
  loginFailureError: string;
  /** Largest `qty` of voucher/create. */
  maxVoucherQuantity: number;
  /**
   * What `ret_data` of voucher/create holds. The document only says `ret_data` carries "items for get method":
   * "records" (the default) answers the new vouchers as rows, "codes" as bare code strings, "none" leaves
   * `ret_data` out of the answer altogether.
   */
  voucherCreateData: "records" | "codes" | "none";
  /**
   * Most rows one get answers, whatever `limit` asks for; null (the default) honours any `limit`. The
   * document gives only the default limit (200 for lists, 50 for history), not a maximum.
   */
  maxListLimit: number | null;
  /**
   * The answer to a token the appliance does not know (after `restart()`, or purged after expiry). The error
   * table has "login expired…" for an expired token and "permission denied", "must login back", for a missing
   * one: "login-expired" (the default) or "permission-denied".
   */
  forgottenToken: "login-expired" | "permission-denied";
  /**
   * Spellings `user/create` takes for `status` (documented only as "string"). "documented" (the default):
   * `active`/`suspend`, the words the document gives for the same field of `login/online`; "v2": the v2
   * database codes `act`/`sus` (notes §3); "yn": v3's user API `y`/`n` (notes D9); "any": all of them.
   * Every spelling may be left out: the account is then active, as `login/online` documents.
   */
  userCreateStatus: "documented" | "v2" | "yn" | "any";
  /** NAS rows carry a `zone` column (the default), or not: the `nas` table of notes §3 has none. */
  nasZoneColumn: boolean;
  /**
   * A `total` beside user/voucher list pages (none is documented): "none" (the default), "rows" (the rows of
   * the listed kind) or "table" (every row of `kiwire_user`, users and vouchers together: a count that
   * disagrees with what the list holds).
   */
  listTotal: "none" | "rows" | "table";
  /** A get of one item (`get/{value}`): a one-element array (the default) or the bare object (notes D10). */
  singleGet: "array" | "object";
  /** A get of an unknown item: an empty `ret_data` (the default) or `{"error": "<kind> not found"}`. */
  getMiss: "empty" | "error";
  /**
   * The HTTP status of a refusal, which the document never gives (notes D12): "200" (the default, as K7
   * expects) or "by-cause": 400 bad request, 401 login/key, 403 permission/switch, 404 unknown, 409 existing.
   */
  refusalStatus: "200" | "by-cause";
}

/** Account-level switches of the Kiwire UI that make the API refuse calls. Mutable while running. */
export interface KiwireAccountState {
  /** The "Authentication Key" of Integrations > API. */
  apiKey: string;
  /** Integrations > API > Enabled. Off: "api integration is currently disabled". */
  apiEnabled: boolean;
  /** Off: the tenant exists but is not available ("cloud id not available"). */
  tenantAvailable: boolean;
  /** Modules switched off: "module disabled". */
  disabledModules: Set<KiwireModule>;
  /** Permission toggles; false: "permission denied". */
  permissions: Record<KiwirePermission, boolean>;
}

export function allPermissions(on: boolean): Record<KiwirePermission, boolean> {
  return Object.fromEntries(KIWIRE_PERMISSIONS.map((p) => [p, on])) as Record<KiwirePermission, boolean>;
}
