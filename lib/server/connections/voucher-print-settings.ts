import "server-only";
import type { VoucherPrintSettingsDto } from "@/lib/api/kiwire";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors/api-error";
import { DEFAULT_VOUCHER_QR } from "@/lib/voucher-qr";
import { findConnectionEntry } from "./registry";

/**
 * What a Kiwire connection's printed vouchers carry besides the code, for anyone who may read vouchers. Only
 * this printable part of the settings: the rest (address, user, TLS) stays with connection managers.
 */
export async function voucherPrintSettings(
  db: Database,
  connectionId: string,
): Promise<VoucherPrintSettingsDto> {
  const entry = await findConnectionEntry(db, connectionId);
  if (!entry) throw notFound(text`No connection with the id "${connectionId}".`);
  if (entry.kind !== "kiwire") throw notFound(text`Connection "${connectionId}" is not a Kiwire connection.`);
  return { qr: entry.plain.voucherQr ?? DEFAULT_VOUCHER_QR };
}
