"use client";

import { Button } from "@/components/ui/button";
import { type BulkOutcome, tally } from "./bulk-action";
import { countOf, type Noun } from "./selection-toolbar";
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
  const { state } = bulk;
  if (state.phase !== "finished") return null;
  const counts = tally(state.outcomes);
  const unfinished = state.outcomes.filter((outcome) => outcome.status !== "done");
  const done = state.outcomes.filter((outcome) => outcome.status === "done");
  const failedTone = counts.failed > 0 || state.error !== undefined;
  const headline = state.error
    ? `Nothing was ${state.verb.done}: ${state.error}`
    : state.cancelled && counts.total === 0
      ? `Cancelled: nothing was ${state.verb.done}.`
      : `${counts.done.toLocaleString("en")} of ${countOf(counts.total, noun)} ${state.verb.done}${
          counts.failed > 0 ? `, ${counts.failed.toLocaleString("en")} failed` : ""
        }${counts.skipped > 0 ? `, ${counts.skipped.toLocaleString("en")} not attempted (cancelled)` : ""}.`;
  return (
    <section
      aria-label="Result of the bulk action"
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
        <OutcomeList label="Rows not done" outcomes={unfinished} rowLabel={rowLabel} verb={state.verb.done} />
      )}
      {done.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer">
            The {countOf(done.length, noun)} {state.verb.done}
          </summary>
          <OutcomeList
            label={`Rows ${state.verb.done}`}
            outcomes={done}
            rowLabel={rowLabel}
            verb={state.verb.done}
          />
        </details>
      )}
      <Button className="mt-3" variant="secondary" size="sm" onClick={bulk.dismiss}>
        Dismiss
      </Button>
    </section>
  );
}

function OutcomeList<TRow>({
  label,
  outcomes,
  rowLabel,
  verb,
}: {
  label: string;
  outcomes: readonly BulkOutcome<TRow>[];
  rowLabel: (row: TRow) => string;
  verb: string;
}) {
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
            ? verb
            : outcome.status === "failed"
              ? `failed: ${outcome.message}`
              : outcome.message}
        </li>
      ))}
    </ul>
  );
}
