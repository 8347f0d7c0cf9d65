import "server-only";

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
