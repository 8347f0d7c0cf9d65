"use client";

import { useQuery } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { callQueries } from "@/lib/client/queries/kalliope";
import {
  CALL_STATUS_LABELS,
  codeLabel,
  ENDPOINT_TYPE_LABELS,
  EXIT_CAUSE_LABELS,
  formatDuration,
} from "@/lib/kalliope-vocabulary";

export interface CallDetailProps {
  connectionId: string;
  callId: string;
  onClose: () => void;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-mono text-sm">{value || "—"}</dd>
    </div>
  );
}

/** A call's fields and its path (the `detailed` rows) as a timeline of steps. */
export function CallDetail({ connectionId, callId, onClose }: CallDetailProps) {
  const call = useQuery(callQueries.detail(connectionId, callId));
  const data = call.data;
  return (
    <Dialog open title={`Call ${callId}`} onClose={onClose}>
      {call.isPending && <TableSkeleton rows={4} />}
      <QueryErrorState query={call} />
      {data && (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-2">
            <Field label="Caller" value={data.caller} />
            <Field label="Called" value={data.called} />
            <Field label="Status" value={`${data.status} · ${codeLabel(CALL_STATUS_LABELS, data.status)}`} />
            <Field label="Answered by" value={data.answeredBy} />
            <Field label="Source" value={codeLabel(ENDPOINT_TYPE_LABELS, data.source)} />
            <Field label="Destination" value={codeLabel(ENDPOINT_TYPE_LABELS, data.destination)} />
            <Field label="Start (PBX time)" value={`${data.startTime} (UTC${data.utcOffset})`} />
            <Field label="Answer" value={data.answerTime} />
            <Field label="End" value={data.endTime} />
            <Field label="Gateway" value={data.gateway} />
            <Field label="Account code" value={data.accountCode} />
            <Field
              label="Duration / billed"
              value={`${formatDuration(data.durationSeconds)} / ${formatDuration(data.billSeconds)}`}
            />
          </dl>
          <section aria-label="Call path">
            <h3 className="mb-2 text-sm font-semibold">Call path</h3>
            {data.path.length === 0 && (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                The PBX sent no path for this call.
              </p>
            )}
            <ol className="relative ml-2 border-l border-slate-300 dark:border-slate-700">
              {data.path.map((step, index) => (
                <li
                  // Steps have no id; their order is the path.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the index is the step's identity
                  key={index}
                  data-testid="call-step"
                  className="mb-3 ml-4"
                >
                  <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full bg-sky-600" />
                  <p className="text-sm font-medium">
                    {step.enterTime} · {codeLabel(ENDPOINT_TYPE_LABELS, step.destinationType)}
                    {step.destinationName ? ` “${step.destinationName}”` : ""}
                    {step.destinationNum ? ` (${step.destinationNum})` : ""}
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {step.exitCause
                      ? `${codeLabel(EXIT_CAUSE_LABELS, step.exitCause)} [${step.exitCause}]`
                      : "passed through"}
                    {step.answeredBy ? ` · answered by ${step.answeredBy}` : ""}
                    {step.waitingSeconds > 0 ? ` · waited ${formatDuration(step.waitingSeconds)}` : ""}
                    {step.exitTime ? ` · left ${step.exitTime}` : ""}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </Dialog>
  );
}
