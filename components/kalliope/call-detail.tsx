"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Dialog } from "@/components/ui/dialog";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { callQueries } from "@/lib/client/queries/kalliope";
import { useCallLabels } from "./use-call-labels";

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
  const t = useTranslations("kalliope");
  const f = useFormats();
  const labels = useCallLabels();
  const call = useQuery(callQueries.detail(connectionId, callId));
  const data = call.data;
  return (
    <Dialog open title={t("detail.title", { id: callId })} onClose={onClose}>
      {call.isPending && <TableSkeleton rows={4} />}
      <QueryErrorState query={call} />
      {data && (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-2">
            <Field label={t("detail.caller")} value={data.caller} />
            <Field label={t("detail.called")} value={data.called} />
            <Field label={t("detail.status")} value={`${data.status} · ${labels.status(data.status)}`} />
            <Field label={t("detail.answeredBy")} value={data.answeredBy} />
            <Field label={t("detail.source")} value={labels.endpoint(data.source)} />
            <Field label={t("detail.destination")} value={labels.endpoint(data.destination)} />
            <Field label={t("detail.start")} value={`${data.startTime} (UTC${data.utcOffset})`} />
            <Field label={t("detail.answer")} value={data.answerTime} />
            <Field label={t("detail.end")} value={data.endTime} />
            <Field label={t("detail.gateway")} value={data.gateway} />
            <Field label={t("detail.accountCode")} value={data.accountCode} />
            <Field
              label={t("detail.durationBilled")}
              value={`${f.duration(data.durationSeconds)} / ${f.duration(data.billSeconds)}`}
            />
          </dl>
          <section aria-label={t("detail.path")}>
            <h3 className="mb-2 text-sm font-semibold">{t("detail.path")}</h3>
            {data.path.length === 0 && (
              <p className="text-sm text-slate-500 dark:text-slate-400">{t("detail.noPath")}</p>
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
                    {step.enterTime} · {labels.endpoint(step.destinationType)}
                    {step.destinationName ? ` “${step.destinationName}”` : ""}
                    {step.destinationNum ? ` (${step.destinationNum})` : ""}
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {step.exitCause
                      ? `${labels.exitCause(step.exitCause)} [${step.exitCause}]`
                      : t("detail.passedThrough")}
                    {step.answeredBy ? ` · ${t("detail.answeredByStep", { name: step.answeredBy })}` : ""}
                    {step.waitingSeconds > 0
                      ? ` · ${t("detail.waited", { duration: f.duration(step.waitingSeconds) })}`
                      : ""}
                    {step.exitTime ? ` · ${t("detail.left", { time: step.exitTime })}` : ""}
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
