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
  /** Accepted spellings of the signed `time` (notes D1). "either" is the default; "YmdHis" is strict mode. */
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
