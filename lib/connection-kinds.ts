/**
 * Connection kinds and their fields, as plain data. Kept free of zod so client components (the connection
 * form, the health cards) can import it without shipping the schema library to the browser; the zod
 * schemas in `lib/api/connections.ts` are built from the same lists.
 */
import type { Permission } from "./permissions";

export const CONNECTION_KINDS = [
  "kerio-operator",
  "kerio-connect",
  "kerio-control",
  "kiwire",
  "kalliope",
  "kayako",
] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** Product names, the same in every language (the server names vendors with them too). */
export const CONNECTION_KIND_LABELS: Readonly<Record<ConnectionKind, string>> = {
  "kerio-operator": "Kerio Operator",
  "kerio-connect": "Kerio Connect",
  "kerio-control": "Kerio Control",
  kiwire: "Kiwire",
  kalliope: "KalliopePBX",
  kayako: "Kayako",
};

/** The permission that reads a kind's vendor data: who may see a connection's figures on the overview. */
export const CONNECTION_READ_PERMISSIONS = {
  "kerio-operator": "extensions.read",
  "kerio-connect": "mail.read",
  "kerio-control": "firewall.read",
  kiwire: "vouchers.read",
  kalliope: "calls.read",
  kayako: "tickets.read",
} as const satisfies Record<ConnectionKind, Permission>;

/** Fields that hold vendor secrets: write-only, encrypted at rest, shown only as "set". */
export const SECRET_FIELDS = {
  "kerio-operator": ["password"],
  "kerio-connect": ["password"],
  "kerio-control": ["password"],
  kiwire: ["password", "apiKey"],
  kalliope: ["password"],
  kayako: ["apiKey", "secretKey"],
} as const satisfies Record<ConnectionKind, readonly string[]>;
export type SecretField = (typeof SECRET_FIELDS)[ConnectionKind][number];

/** Plain (non-secret) text fields beyond name, baseUrl and tls, per kind, in form order. */
export const PLAIN_FIELDS = {
  "kerio-operator": ["username"],
  "kerio-connect": ["username"],
  "kerio-control": ["username"],
  kiwire: ["username", "cloudId", "timeZone", "timeFormat", "signing"],
  kalliope: ["username", "domain", "timeZone"],
  kayako: [],
} as const satisfies Record<ConnectionKind, readonly string[]>;

/** Where each appliance listens by default, for the form's placeholder (Kerio ports: the vendors' own). */
export const BASE_URL_EXAMPLES: Readonly<Record<ConnectionKind, string>> = {
  "kerio-operator": "https://10.0.0.5:4021",
  "kerio-connect": "https://mail.example.com:4040",
  "kerio-control": "https://10.0.0.1:4081",
  kiwire: "https://hotspot.example.com",
  kalliope: "https://pbx.example.com",
  kayako: "https://help.example.com/api/index.php",
};

export const TLS_MODES = ["verify", "pin", "insecure"] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const KIWIRE_TIME_FORMATS = ["YmdHis", "Y-m-d H:i:s"] as const;
export type KiwireTimeFormat = (typeof KIWIRE_TIME_FORMATS)[number];

export const KIWIRE_SIGNING_MODES = ["md5", "raw"] as const;
export type KiwireSigningMode = (typeof KIWIRE_SIGNING_MODES)[number];

/** Defaults applied when a connection leaves a setting out. */
export const CONNECTION_DEFAULTS = {
  connectTimeoutMs: 5_000,
  readTimeoutMs: 30_000,
  /**
   * Most requests at an appliance at once. A request holds its socket until the console has read the whole
   * answer, which under load is long after the appliance sent it: with 4, forty operators' Kerio pages waited
   * 1.5 s in the console while the appliance idled (issue 15's load bench). No document gives an appliance's
   * own limit; the console sends fewer while one shows it takes fewer (lib/server/http/concurrency.ts).
   */
  parallelRequests: 16,
  kalliopeDomain: "default",
  kiwireTimeFormat: "YmdHis" as KiwireTimeFormat,
  kiwireSigning: "md5" as KiwireSigningMode,
  /** Minutes between background re-reads of a Kiwire connection's voucher and user tables (its index). */
  kiwireIndexRefreshMinutes: 5,
} as const;

/**
 * Kinds whose appliance keeps local wall-clock time that the console must match: Kiwire signs `time` in it,
 * KalliopePBX's call times carry no zone (notes §2.2, §2.4). Their zone is required, with no default.
 */
export const TIME_ZONE_KINDS = ["kiwire", "kalliope"] as const satisfies readonly ConnectionKind[];

export function needsTimeZone(kind: ConnectionKind): boolean {
  return (TIME_ZONE_KINDS as readonly ConnectionKind[]).includes(kind);
}

/**
 * The zone a connection saved before the zone was required is run with: UTC, the old silent default, so it
 * works as before until an admin sets its zone (the console shows it as needing one).
 */
export const LEGACY_TIME_ZONE = "UTC";

/** Why nothing checks who answers: TLS verification switched off, or no TLS at all. */
export const INSECURE_REASONS = ["tls_unverified", "plain_http"] as const;
export type InsecureReason = (typeof INSECURE_REASONS)[number];

export const HEALTH_STATES = ["ok", "failing", "unknown"] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** Why a test or health check failed, so the UI and scripts can react without parsing the message. */
export const TEST_OUTCOMES = [
  "ok",
  "wrong_credentials",
  "clock_skew",
  "certificate_untrusted",
  "certificate_mismatch",
  "tls_error",
  "unreachable",
  "timeout",
  "api_disabled",
  "not_found",
  "unexpected_response",
  "secret_unavailable",
  "address_refused",
] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

export function isConnectionKind(value: unknown): value is ConnectionKind {
  return typeof value === "string" && (CONNECTION_KINDS as readonly string[]).includes(value);
}

/** A connection as a page offers it for picking: never its address or settings. */
export interface ConnectionChoice {
  id: string;
  name: string;
}

/**
 * What a list page of one connection kind reads on the server for its view: the connections of the kind (the
 * view renders with its connection at once) and the person's column choice for the list (null: never chosen).
 */
export interface ConnectionListSource {
  kind: ConnectionKind;
  connections: ConnectionChoice[];
  savedColumns: string[] | null;
}
