"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DiscardQuestion } from "@/components/ui/dialog";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type { TicketLookupsDto, UpdateTicketResultDto } from "@/lib/api/kayako";
import { ticketQueries } from "@/lib/client/queries/kayako";
import type { Translate } from "@/lib/i18n/translator";
import { isChangeableField, TicketChangeForm } from "./ticket-change-form";
import { TicketReplyForm } from "./ticket-reply-form";

export interface TicketPanelProps {
  connectionId: string;
  ticketId: string;
  lookups: TicketLookupsDto;
  canWrite: boolean;
  /**
   * Replies typed and not sent, by helpdesk and ticket: opening another ticket keeps them, only Discard drops
   * one, and a draft never follows the panel to another ticket.
   */
  drafts: Map<string, string>;
  onClose: () => void;
}

/** What the person reads after a change: Kayako ignores invalid ids and still answers 200, so say which. */
function changeNotice(result: UpdateTicketResultDto, t: Translate<"kayako">): Notice {
  if (result.notApplied.length === 0) return { tone: "good", text: t("panel.updated") };
  const fields = result.notApplied
    .map(({ field }) => (isChangeableField(field) ? t(`panel.fields.${field}`) : field))
    .join(", ");
  return { tone: "warn", text: t("panel.notApplied", { fields }) };
}

type Notice = { tone: "good" | "warn"; text: string };

export function TicketPanel({
  connectionId,
  ticketId,
  lookups,
  canWrite,
  drafts,
  onClose,
}: TicketPanelProps) {
  const t = useTranslations("kayako");
  const f = useFormats();
  const queryClient = useQueryClient();
  const ticket = useQuery(ticketQueries.detail(connectionId, ticketId));
  const [notice, setNotice] = useState<Notice | null>(null);
  const draftKey = `${connectionId}/${ticketId}`;
  const [hasDraft, setHasDraft] = useState(() => Boolean(drafts.get(draftKey)?.trim()));
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const setDraft = (text: string) => {
    if (text) drafts.set(draftKey, text);
    else drafts.delete(draftKey);
    setHasDraft(text.trim() !== "");
  };
  const close = () => {
    if (hasDraft) setAskingToDiscard(true);
    else onClose();
  };

  return (
    <section
      aria-label={t("panel.label")}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {ticket.data
            ? `${ticket.data.displayId} · ${ticket.data.subject}`
            : t("panel.title", { id: ticketId })}
        </h2>
        <Button variant="ghost" size="sm" onClick={close}>
          {t("panel.close")}
        </Button>
      </div>
      {askingToDiscard && (
        <DiscardQuestion
          onKeep={() => setAskingToDiscard(false)}
          onDiscard={() => {
            setDraft("");
            onClose();
          }}
        />
      )}
      {ticket.isPending && <TableSkeleton rows={4} />}
      <QueryErrorState query={ticket} />
      {ticket.data && (
        <>
          <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-3">
            <Field label={t("panel.status")}>
              <Badge tone={ticket.data.resolved ? "neutral" : "good"}>{ticket.data.status}</Badge>
            </Field>
            <Field label={t("panel.priority")}>{ticket.data.priority}</Field>
            <Field label={t("panel.department")}>{ticket.data.department}</Field>
            <Field label={t("panel.type")}>{ticket.data.type}</Field>
            <Field label={t("panel.owner")}>{ticket.data.owner ?? t("panel.unassigned")}</Field>
            <Field label={t("panel.requester")}>
              {ticket.data.requester} &lt;{ticket.data.email}&gt;
              {ticket.data.organization && ` · ${ticket.data.organization}`}
            </Field>
            <Field label={t("panel.created")}>{f.dateTime(ticket.data.created)}</Field>
          </dl>
          {notice && (
            <p
              role="status"
              className={`mb-3 rounded-md px-3 py-2 text-sm ${notice.tone === "good" ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
            >
              {notice.text}
            </p>
          )}
          <ol aria-label={t("panel.conversation")} className="mb-4 space-y-3">
            {ticket.data.posts.map((post) => (
              <li
                key={post.id}
                className={`rounded-md border p-3 text-sm ${post.isPrivate ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950" : post.fromStaff ? "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`}
              >
                <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
                  {post.author || post.email} · {f.dateTime(post.created)}
                  {post.fromStaff && t("panel.staff")}
                  {post.isPrivate && t("panel.privateNote")}
                </p>
                {/* Text, never HTML: the server reads HTML posts into text (lib/server/vendors/kayako/html-to-text.ts). */}
                <p className="whitespace-pre-wrap break-words">{post.contents}</p>
              </li>
            ))}
          </ol>
          {canWrite && (
            <div className="grid gap-4 lg:grid-cols-2">
              {lookups.myStaffId === null ? (
                <p className="text-sm text-amber-800 dark:text-amber-300">{t("panel.notMapped")}</p>
              ) : (
                <TicketReplyForm
                  connectionId={connectionId}
                  ticketId={ticketId}
                  draft={drafts.get(draftKey) ?? ""}
                  onDraftChange={setDraft}
                  onSent={(isPrivate) => {
                    setNotice({
                      tone: "good",
                      text: isPrivate ? t("panel.noteAdded") : t("panel.replySent"),
                    });
                    void queryClient.invalidateQueries({ queryKey: ticketQueries.connection(connectionId) });
                  }}
                />
              )}
              <TicketChangeForm
                connectionId={connectionId}
                ticket={ticket.data}
                lookups={lookups}
                onChanged={(result) => setNotice(changeNotice(result, t))}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
