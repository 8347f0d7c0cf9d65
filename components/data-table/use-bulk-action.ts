"use client";

import { useRef, useState } from "react";
import { type BulkOutcome, runBulkAction } from "./bulk-action";

export type BulkActionState<TRow> =
  | { phase: "idle" }
  /** Fetching every row that matches the filter, before the first request. */
  | { phase: "collecting"; verb: BulkVerb }
  | { phase: "running"; verb: BulkVerb; finished: number; total: number }
  | {
      phase: "finished";
      verb: BulkVerb;
      outcomes: BulkOutcome<TRow>[];
      cancelled: boolean;
      /** The rows could not be collected: nothing was attempted. */
      error?: string;
    };

/**
 * What a bulk action does, which names its sentences in the dataTable catalog (`bulk.<verb>`: "Deleting 3 of
 * 20…", "18 of 20 deleted"): whole sentences per action, since an action's words agree differently in Italian.
 */
export type BulkVerb = "delete";

export interface BulkActionStart<TRow> {
  verb: BulkVerb;
  /** The rows to act on; may fetch them (every row matching a filter), honouring the signal. */
  rows: (signal: AbortSignal) => Promise<readonly TRow[]>;
  act: (row: TRow) => Promise<unknown>;
  /** Told every outcome once the run ends (invalidate the list, keep the failed rows selected). */
  onFinished: (outcomes: BulkOutcome<TRow>[]) => void;
}

export interface BulkActionControls<TRow> {
  state: BulkActionState<TRow>;
  busy: boolean;
  start: (run: BulkActionStart<TRow>) => Promise<void>;
  cancel: () => void;
  dismiss: () => void;
}

export function useBulkAction<TRow>(idOf: (row: TRow) => string): BulkActionControls<TRow> {
  const [state, setState] = useState<BulkActionState<TRow>>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);

  const start = async ({ verb, rows, act, onFinished }: BulkActionStart<TRow>) => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: "collecting", verb });
    let targets: readonly TRow[];
    try {
      targets = await rows(abort.signal);
    } catch (error) {
      const cancelled = abort.signal.aborted;
      setState({
        phase: "finished",
        verb,
        outcomes: [],
        cancelled,
        ...(!cancelled && { error: error instanceof Error ? error.message : String(error) }),
      });
      return;
    }
    setState({ phase: "running", verb, finished: 0, total: targets.length });
    const outcomes = await runBulkAction({
      rows: targets,
      idOf,
      act,
      signal: abort.signal,
      onProgress: (finished, total) => setState({ phase: "running", verb, finished, total }),
    });
    controller.current = null;
    setState({ phase: "finished", verb, outcomes, cancelled: abort.signal.aborted });
    onFinished(outcomes);
  };

  return {
    state,
    busy: state.phase === "collecting" || state.phase === "running",
    start,
    cancel: () => controller.current?.abort(),
    dismiss: () => setState({ phase: "idle" }),
  };
}
