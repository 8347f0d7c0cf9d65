import "server-only";
import type { AccountDto } from "@/lib/api/kiwire";
import { text, toAccount } from "./records";

/**
 * What a `voucher/create` answer says was made. The document only says `ret_data` carries "items for get
 * method", so an appliance that accepted a batch may answer its vouchers as records, its codes as bare
 * strings, or nothing at all. Only full records for every voucher asked for are taken as the batch itself;
 * anything less is a clue for reading the batch back from the voucher list.
 */
export type BatchAnswer =
  | { kind: "records"; items: AccountDto[] }
  | { kind: "codes"; codes: string[] }
  | { kind: "silent" };

export function readBatchAnswer(data: unknown, requested: number): BatchAnswer {
  const list = Array.isArray(data) ? data : [];
  const codes = [
    ...new Set(
      list
        .map((item) =>
          typeof item === "string" ? item : item && typeof item === "object" ? text(item.username) : "",
        )
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
  const records = list.filter(
    (item): item is Record<string, unknown> => !!item && typeof item === "object" && !Array.isArray(item),
  );
  if (codes.length === requested && records.length === requested) {
    return { kind: "records", items: records.map(toAccount) };
  }
  return codes.length > 0 ? { kind: "codes", codes } : { kind: "silent" };
}

/** What is known about a batch whose answer did not list it: how it was asked for, and since when. */
export interface BatchRequest {
  prefix: string;
  profile: string;
  requested: number;
  /** The appliance's wall-clock time shortly before the request, `Y-m-d H:i:s` in its zone. */
  since: string;
}

/** The vouchers of `codes`, in the order the voucher list holds them. */
export function vouchersWithCodes(vouchers: AccountDto[], codes: string[]): AccountDto[] {
  const wanted = new Set(codes);
  return vouchers.filter((voucher) => wanted.has(voucher.username));
}

/**
 * The batch a silent answer made: vouchers with the prefix and profile asked for, created since the request,
 * grouped by batch. The newest group of exactly the size asked for is it; without one (an appliance that
 * tags no batch, or two batches alike at once), the newest vouchers that fit, at most as many as asked for.
 * Two operators making identical batches within the same minutes could be confused here: the document gives
 * nothing that ties an answer to its batch.
 */
export function findSilentBatch(vouchers: AccountDto[], request: BatchRequest): AccountDto[] {
  const fits = vouchers.filter(
    (voucher) =>
      voucher.username.startsWith(request.prefix) &&
      voucher.profile === request.profile &&
      voucher.createdAt !== null &&
      voucher.createdAt >= request.since,
  );
  const groups = new Map<string, AccountDto[]>();
  for (const voucher of fits) {
    const group = groups.get(voucher.batch);
    if (group) group.push(voucher);
    else groups.set(voucher.batch, [voucher]);
  }
  const newest = (group: AccountDto[]) =>
    group
      .map((voucher) => voucher.createdAt ?? "")
      .sort()
      .at(-1) ?? "";
  const exact = [...groups.entries()]
    .filter(([batch, group]) => batch !== "" && group.length === request.requested)
    .map(([, group]) => group)
    // Stable: among groups created in the same second, the later one in the list is the newer.
    .sort((a, b) => newest(a).localeCompare(newest(b)));
  const chosen = exact.at(-1);
  if (chosen) return chosen;
  const byAge = [...fits].sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""));
  return byAge.slice(-request.requested);
}
