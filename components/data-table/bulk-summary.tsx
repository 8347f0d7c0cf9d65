"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { type BulkOutcome, tally } from "./bulk-action";
import { type Noun, useCountOf } from "./noun";
import type { BulkActionControls } from "./use-bulk-action";

export interface BulkSummaryProps<TRow> {
  bulk: BulkActionControls<TRow>;
  noun: Noun;
  /** How a row is named in the list of outcomes, e.g. its extension number. */
  rowLabel: (row: TRow) => string;
}

/**
 * How a finished bulk action went: "18 of 20 extensions deleted, 2 failed.", then row by row, the failed and
 * the unattempted first with their reason, so a person knows exactly what happened to each row.
 */
export function BulkSummary<TRow>({ bulk, noun, rowLabel }: BulkSummaryProps<TRow>) {
  const t = useTranslations("dataTable");
  const countOf = useCountOf();
  const { state } = bulk;
  if (state.phase !== "finished") return null;
  const counts = tally(state.outcomes);
  const unfinished = state.outcomes.filter((outcome) => outcome.status !== "done");
  const done = state.outcomes.filter((outcome) => outcome.status === "done");
  const failedTone = counts.failed > 0 || state.error !== undefined;
  const said = `bulk.${state.verb}` as const;
  const headline = state.error
    ? t(`${said}.nothing`, { error: state.error })
    : state.cancelled && counts.total === 0
      ? t(`${said}.cancelledNothing`)
      : t(`${said}.outcome`, {
          done: counts.done,
          counted: countOf(counts.total, noun),
          failed: counts.failed,
          skipped: counts.skipped,
        });
  return (
    <section
      aria-label={t("bulk.resultLabel")}
      className={`mb-4 rounded-lg border p-4 text-sm ${
        failedTone
          ? "border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
          : "border-green-300 bg-green-50 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100"
      }`}
    >
      <p role="status" data-testid="bulk-summary" className="font-medium">
        {headline}
      </p>
      {unfinished.length > 0 && (
        <OutcomeList
          label={t("bulk.notDoneLabel")}
          outcomes={unfinished}
          rowLabel={rowLabel}
          done={t(`${said}.rowDone`)}
        />
      )}
      {done.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer">
            {t(`${said}.doneSummary`, { counted: countOf(done.length, noun) })}
          </summary>
          <OutcomeList
            label={t(`${said}.doneLabel`)}
            outcomes={done}
            rowLabel={rowLabel}
            done={t(`${said}.rowDone`)}
          />
        </details>
      )}
      <Button className="mt-3" variant="secondary" size="sm" onClick={bulk.dismiss}>
        {t("bulk.dismiss")}
      </Button>
    </section>
  );
}

function OutcomeList<TRow>({
  label,
  outcomes,
  rowLabel,
  done,
}: {
  label: string;
  outcomes: readonly BulkOutcome<TRow>[];
  rowLabel: (row: TRow) => string;
  /** What a done row says: "deleted". */
  done: string;
}) {
  const t = useTranslations("dataTable");
  return (
    <ul
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable list must be reachable by keyboard
      tabIndex={0}
      className="mt-2 max-h-48 space-y-0.5 overflow-y-auto [overflow-wrap:anywhere]"
    >
      {outcomes.map((outcome) => (
        <li key={outcome.id}>
          <span className="font-mono">{rowLabel(outcome.row)}</span>:{" "}
          {outcome.status === "done"
            ? done
            : outcome.status === "failed"
              ? t("bulk.failed", { message: outcome.message ?? "" })
              : t("bulk.notAttempted")}
        </li>
      ))}
    </ul>
  );
}
