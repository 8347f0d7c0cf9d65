import type { CreatedVouchersDto, TableReadDto } from "@/lib/api/kiwire";

/**
 * What an operator must be told about the last whole-table read behind a list, or null when the rows read are all there is to
 * know: a count from Kiwire that disagrees with them, or a read Kiwire cut short by answering the same rows.
 */
export function tableReadWarning(read: TableReadDto, noun: string): string | null {
  const count = (n: number) => n.toLocaleString("en");
  const parts: string[] = [];
  if (!read.complete) {
    parts.push(
      `Kiwire answered the same ${noun} again after ${count(read.rowsRead)} of them, so the console stopped reading: this list may be incomplete.`,
    );
  }
  if (read.reportedTotal !== null && read.reportedTotal !== read.rowsRead) {
    parts.push(
      `Kiwire reports ${count(read.reportedTotal)} ${noun} but answered ${count(read.rowsRead)}: the list shows what it answered.`,
    );
  }
  return parts.length === 0 ? null : parts.join(" ");
}

/** The notice after a batch: what was made, and a warning when not every code of it could be found. */
export function createdBatchNotice(created: CreatedVouchersDto): { text: string; complete: boolean } {
  const found = created.items.length;
  if (found >= created.requested) {
    return {
      text: `Batch ${created.batch || "(no batch name)"}: ${found} vouchers generated.`,
      complete: true,
    };
  }
  const text = `Kiwire accepted the batch of ${created.requested} vouchers, but the console found ${found} of them in its list${created.batch ? ` (batch ${created.batch})` : ""}. Check the Vouchers list before generating again.`;
  return { text, complete: false };
}

/** The warning of `tableReadWarning`, beside a list's count; nothing when there is nothing to warn about. */
export function TableReadNote({ read, noun }: { read: TableReadDto; noun: string }) {
  const warning = tableReadWarning(read, noun);
  if (warning === null) return null;
  return (
    <span role="note" className="ml-2 text-amber-800 dark:text-amber-300">
      {warning}
    </span>
  );
}

/**
 * "as of 10:42": when the index a list answers from was read from Kiwire, in the browser's time zone; the day
 * too once it is not today.
 */
export function asOfLabel(asOf: string, now: Date = new Date()): string {
  const when = new Date(asOf);
  const time = when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (when.toDateString() === now.toDateString()) return `as of ${time}`;
  return `as of ${when.toLocaleDateString("en-GB", { day: "numeric", month: "short" })}, ${time}`;
}
