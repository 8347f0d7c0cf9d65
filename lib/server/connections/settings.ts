import "server-only";
import type { ConnectionConfig, ConnectionSettingsDto, TlsSettings } from "@/lib/api/connections";
import {
  CONNECTION_DEFAULTS,
  type ConnectionKind,
  type InsecureReason,
  type KiwireSigningMode,
  type KiwireTimeFormat,
  LEGACY_TIME_ZONE,
  needsTimeZone,
  SECRET_FIELDS,
  type SecretField,
} from "@/lib/connection-kinds";
import type { HttpClientOptions } from "@/lib/server/http/client";
import { DEFAULT_VOUCHER_QR, type VoucherQrSetting } from "@/lib/voucher-qr";

/** A connection's settings without its secrets, defaults applied: what the database row and the DTO hold. */
export interface PlainSettings {
  baseUrl: string;
  tls: TlsSettings;
  timeouts: { connectMs: number; readMs: number };
  /** Unset, the default applies, and follows it if a later version changes it. */
  parallelRequests?: number;
  username?: string;
  domain?: string;
  cloudId?: string;
  /** Kiwire and KalliopePBX; missing only on connections saved before the zone was required. */
  timeZone?: string;
  timeFormat?: KiwireTimeFormat;
  signing?: KiwireSigningMode;
  /** Kiwire: minutes between background refreshes of the index. */
  indexRefreshMinutes?: number;
  /** Kiwire: what printed vouchers' QR codes hold; missing on connections saved before it existed. */
  voucherQr?: VoucherQrSetting;
}

export type SecretValues = Partial<Record<SecretField, string>>;

export function secretFieldsOf(kind: ConnectionKind): readonly SecretField[] {
  return SECRET_FIELDS[kind];
}

/** Splits a validated configuration into what may be shown (defaults filled in) and what may not. */
export function splitConfig(config: ConnectionConfig): { plain: PlainSettings; secrets: SecretValues } {
  const secrets: SecretValues = {};
  const source = config as unknown as Record<string, unknown>;
  for (const field of secretFieldsOf(config.kind)) {
    const value = source[field];
    if (typeof value === "string") secrets[field] = value;
  }
  const plain: PlainSettings = {
    baseUrl: config.baseUrl,
    tls: config.tls ?? { mode: "verify" },
    timeouts: {
      connectMs: config.timeouts?.connectMs ?? CONNECTION_DEFAULTS.connectTimeoutMs,
      readMs: config.timeouts?.readMs ?? CONNECTION_DEFAULTS.readTimeoutMs,
    },
  };
  if (config.parallelRequests !== undefined) plain.parallelRequests = config.parallelRequests;
  if ("username" in config) plain.username = config.username;
  if (config.kind === "kalliope") {
    plain.domain = config.domain ?? CONNECTION_DEFAULTS.kalliopeDomain;
    plain.timeZone = config.timeZone;
  }
  if (config.kind === "kiwire") {
    plain.cloudId = config.cloudId;
    plain.timeZone = config.timeZone;
    plain.timeFormat = config.timeFormat ?? CONNECTION_DEFAULTS.kiwireTimeFormat;
    plain.signing = config.signing ?? CONNECTION_DEFAULTS.kiwireSigning;
    plain.indexRefreshMinutes = config.indexRefreshMinutes ?? CONNECTION_DEFAULTS.kiwireIndexRefreshMinutes;
    plain.voucherQr = config.voucherQr ?? DEFAULT_VOUCHER_QR;
  }
  return { plain, secrets };
}

/** The inverse of splitConfig, for a connection read back from the database with its secrets opened. */
export function joinConfig(
  kind: ConnectionKind,
  name: string,
  plain: PlainSettings,
  secrets: SecretValues,
): ConnectionConfig {
  // A connection saved before the zone was required runs as it did then; the console flags it meanwhile.
  const zone = needsTimeZone(kind) && plain.timeZone === undefined ? { timeZone: LEGACY_TIME_ZONE } : {};
  // The parts were validated when the connection was saved; the kind decides which fields exist.
  return { kind, name, ...plain, ...zone, ...secrets } as ConnectionConfig;
}

/** The zone is required for this kind but the connection was saved without one. */
export function missingTimeZone(kind: ConnectionKind, plain: PlainSettings): boolean {
  return needsTimeZone(kind) && plain.timeZone === undefined;
}

/** Why nothing checks who answers for this connection, or null when something does. */
export function insecureReasonOf(plain: PlainSettings): InsecureReason | null {
  if (new URL(plain.baseUrl).protocol === "http:") return "plain_http";
  return plain.tls.mode === "insecure" ? "tls_unverified" : null;
}

export function httpOptionsOf(plain: PlainSettings): HttpClientOptions {
  return {
    baseUrl: plain.baseUrl,
    tls: plain.tls,
    connectTimeoutMs: plain.timeouts.connectMs,
    readTimeoutMs: plain.timeouts.readMs,
    parallelRequests: plain.parallelRequests,
  };
}

/** What an admin sees: every setting, and for each secret only that it is set. */
export function settingsDto(kind: ConnectionKind, plain: PlainSettings): ConnectionSettingsDto {
  const dto: ConnectionSettingsDto = { ...plain };
  for (const field of secretFieldsOf(kind)) dto[field] = { set: true };
  return dto;
}
