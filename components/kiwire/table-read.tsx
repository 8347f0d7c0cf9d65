import type { CreatedVouchersDto, TableReadDto } from "@/lib/api/kiwire";

/**
 * What an operator must be told about a whole-table read, or null when the rows read are all there is to
 * know: a count from Kiwire that disagrees with them, or a read Kiwire cut short by answering the same rows.
 */
export function tableReadWarning(read: TableReadDto | null, noun: string): string | null {
  if (read === null) return null;
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
export function TableReadNote({ read, noun }: { read: TableReadDto | null; noun: string }) {
  const warning = tableReadWarning(read, noun);
  if (warning === null) return null;
  return (
    <span role="note" className="ml-2 text-amber-800 dark:text-amber-300">
      {warning}
    </span>
  );
}
