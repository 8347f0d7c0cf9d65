import { useTranslations } from "@/components/i18n/i18n-provider";
import type { CreatedVouchersDto, TableReadDto } from "@/lib/api/kiwire";
import type { Formats } from "@/lib/i18n/formats";
import type { Translate } from "@/lib/i18n/translator";

/** The two lists that answer from the console's index of a Kiwire table. */
export type IndexedList = "vouchers" | "users";

/**
 * What an operator must be told about the last whole-table read behind a list, or null when the rows read are all there is to
 * know: a count from Kiwire that disagrees with them, or a read Kiwire cut short by answering the same rows.
 */
export function tableReadWarning(
  read: TableReadDto,
  list: IndexedList,
  t: Translate<"kiwire">,
): string | null {
  const parts: string[] = [];
  if (!read.complete) parts.push(t("tableRead.cutShort", { list, count: read.rowsRead }));
  if (read.reportedTotal !== null && read.reportedTotal !== read.rowsRead) {
    parts.push(t("tableRead.countDisagrees", { list, reported: read.reportedTotal, read: read.rowsRead }));
  }
  return parts.length === 0 ? null : parts.join(" ");
}

/** The notice after a batch: what was made, and a warning when not every code of it could be found. */
export function createdBatchNotice(
  created: CreatedVouchersDto,
  t: Translate<"kiwire">,
): { text: string; complete: boolean } {
  const found = created.items.length;
  if (found >= created.requested) {
    const batch = created.batch || t("batch.noName");
    return { text: t("batch.created", { batch, count: found }), complete: true };
  }
  const values = { requested: created.requested, found, batch: created.batch };
  const text = t(created.batch ? "batch.incompleteNamed" : "batch.incomplete", values);
  return { text, complete: false };
}

/** The warning of `tableReadWarning`, beside a list's count; nothing when there is nothing to warn about. */
export function TableReadNote({ read, list }: { read: TableReadDto; list: IndexedList }) {
  const t = useTranslations("kiwire");
  const warning = tableReadWarning(read, list, t);
  if (warning === null) return null;
  return (
    <span role="note" className="ml-2 text-amber-800 dark:text-amber-300">
      {warning}
    </span>
  );
}

/**
 * "Vouchers as of 10:42": when the index a list answers from was read from Kiwire, in UTC like every time the
 * console shows; the day too once it is not today.
 */
export function asOfLabel(
  asOf: string,
  list: IndexedList,
  t: Translate<"kiwire">,
  f: Formats,
  now: Date = new Date(),
): string {
  const time = f.time(asOf);
  const day = asOf.slice(0, 10);
  if (day === now.toISOString().slice(0, 10)) return t("index.asOfToday", { list, time });
  return t("index.asOfDay", { list, day: f.day(day), time });
}
