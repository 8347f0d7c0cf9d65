import "server-only";
import type { AccountDto } from "@/lib/api/kiwire";

/** Kiwire's record fields are v2 column names (kiwire-notes §3); unknown values never crash a page (D9). */

export type KiwireStatus = "active" | "expired" | "suspended" | "unknown";

const STATUS_WORDS: Record<string, KiwireStatus> = {
  act: "active",
  active: "active",
  y: "active",
  exp: "expired",
  expired: "expired",
  sus: "suspended",
  suspend: "suspended",
  suspended: "suspended",
  n: "suspended",
};

export function kiwireStatus(value: unknown): KiwireStatus {
  return typeof value === "string" ? (STATUS_WORDS[value.trim().toLowerCase()] ?? "unknown") : "unknown";
}

/** The v2 status code to send for a console status. */
export const STATUS_CODES: Record<Exclude<KiwireStatus, "unknown">, string> = {
  active: "act",
  expired: "exp",
  suspended: "sus",
};

export function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

export function textOrNull(value: unknown): string | null {
  const result = text(value);
  return result === "" || result === "0000-00-00 00:00:00" ? null : result;
}

export function numberOrNull(value: unknown): number | null {
  const result = typeof value === "number" ? value : Number.parseFloat(text(value));
  return Number.isFinite(result) ? result : null;
}

/** A `kiwire_user` row (user or voucher, notes §3) in the console's words. */
export function toAccount(row: Record<string, unknown>): AccountDto {
  return {
    username: text(row.username),
    fullName: text(row.fullname),
    email: text(row.email),
    phone: text(row.phone),
    profile: text(row.plan ?? row.profile),
    price: text(row.price),
    status: kiwireStatus(row.status),
    batch: text(row.tag ?? row.bulk_id),
    createdBy: text(row.who),
    remark: text(row.remark),
    createdAt: textOrNull(row.createdate),
    activatedAt: textOrNull(row.actdate),
    expiresAt: textOrNull(row.expiry),
    mac: text(row.mac),
    zone: text(row.allownas),
  };
}
