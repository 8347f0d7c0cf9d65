"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type { ReplyToTicketInput, TicketLookupsDto, UpdateTicketInput } from "@/lib/api/kayako";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { ticketQueries } from "@/lib/client/queries/kayako";
import { formatDateTime } from "@/lib/format";

export interface TicketPanelProps {
  connectionId: string;
  ticketId: string;
  lookups: TicketLookupsDto;
  canWrite: boolean;
  onClose: () => void;
}

const FIELD_LABELS: Record<string, string> = {
  statusId: "status",
  priorityId: "priority",
  departmentId: "department",
  ownerStaffId: "owner",
};

export function TicketPanel({ connectionId, ticketId, lookups, canWrite, onClose }: TicketPanelProps) {
  const queryClient = useQueryClient();
  const ticket = useQuery(ticketQueries.detail(connectionId, ticketId));
  const [notice, setNotice] = useState<{ tone: "good" | "warn"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketQueries.connection(connectionId) });

  const reply = useMutation({
    mutationFn: (body: ReplyToTicketInput) =>
      callOperation("replyToTicket", { params: { connectionId, ticketId }, body }),
    onSuccess: (_post, body) => {
      setNotice({ tone: "good", text: body.isPrivate ? "Private note added." : "Reply sent." });
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: (body: UpdateTicketInput) =>
      callOperation("updateTicket", { params: { connectionId, ticketId }, body }),
    onSuccess: (result) => {
      // Kayako ignores invalid ids and still answers 200: say which change did not take.
      setNotice(
        result.notApplied.length === 0
          ? { tone: "good", text: "Ticket updated." }
          : {
              tone: "warn",
              text: `Kayako did not apply the ${result.notApplied
                .map((change) => FIELD_LABELS[change.field] ?? change.field)
                .join(
                  ", ",
                )} change: the value may no longer exist or not fit this department. Reload the lists and try again.`,
            },
      );
      queryClient.setQueryData(ticketQueries.detail(connectionId, ticketId).queryKey, result.ticket);
      void refresh();
    },
  });

  const closedStatus = lookups.statuses.find(
    (s) => s.resolved && (s.departmentId === 0 || s.departmentId === ticket.data?.departmentId),
  );

  return (
    <section
      aria-label="Ticket"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {ticket.data ? `${ticket.data.displayId} · ${ticket.data.subject}` : `Ticket ${ticketId}`}
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close panel
        </Button>
      </div>
      {ticket.isPending && <TableSkeleton rows={4} />}
      <QueryErrorState query={ticket} />
      {ticket.data && (
        <>
          <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-3">
            <Field label="Status">
              <Badge tone={ticket.data.resolved ? "neutral" : "good"}>{ticket.data.status}</Badge>
            </Field>
            <Field label="Priority">{ticket.data.priority}</Field>
            <Field label="Department">{ticket.data.department}</Field>
            <Field label="Type">{ticket.data.type}</Field>
            <Field label="Owner">{ticket.data.owner ?? "Unassigned"}</Field>
            <Field label="Requester">
              {ticket.data.requester} &lt;{ticket.data.email}&gt;
              {ticket.data.organization && ` · ${ticket.data.organization}`}
            </Field>
            <Field label="Created">{formatDateTime(ticket.data.created)}</Field>
          </dl>
          {notice && (
            <p
              role="status"
              className={`mb-3 rounded-md px-3 py-2 text-sm ${notice.tone === "good" ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
            >
              {notice.text}
            </p>
          )}
          <ol aria-label="Conversation" className="mb-4 space-y-3">
            {ticket.data.posts.map((post) => (
              <li
                key={post.id}
                className={`rounded-md border p-3 text-sm ${post.isPrivate ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950" : post.fromStaff ? "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`}
              >
                <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
                  {post.author || post.email} · {formatDateTime(post.created)}
                  {post.fromStaff && " · staff"}
                  {post.isPrivate && " · private note"}
                </p>
                {/* Contents are shown as text, never as HTML: Kayako posts come from e-mail. */}
                <p className="whitespace-pre-wrap break-words">{post.contents}</p>
              </li>
            ))}
          </ol>
          {canWrite && (
            <div className="grid gap-4 lg:grid-cols-2">
              <form
                aria-label="Reply"
                className="space-y-2"
                onSubmit={submitWith((form) => {
                  const contents = String(form.get("contents") ?? "").trim();
                  if (!contents) return;
                  reply.mutate({ contents, isPrivate: form.get("isPrivate") === "on" });
                })}
              >
                <label htmlFor="ticket-reply" className="block text-sm font-medium">
                  Reply
                </label>
                {lookups.myStaffId === null ? (
                  <p className="text-sm text-amber-800 dark:text-amber-300">
                    Your account is not mapped to a Kayako staff member, so you cannot reply yet. Ask an admin
                    to map you below.
                  </p>
                ) : (
                  <>
                    <textarea
                      id="ticket-reply"
                      name="contents"
                      required
                      rows={5}
                      className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
                    />
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="isPrivate" /> Private note (the requester does not see it)
                    </label>
                    {reply.isError && (
                      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                        {reply.error.message}
                      </p>
                    )}
                    <Button type="submit" disabled={reply.isPending}>
                      {reply.isPending ? "Sending…" : "Send reply"}
                    </Button>
                  </>
                )}
              </form>
              <form
                key={`${ticket.data.statusId}-${ticket.data.priorityId}-${ticket.data.ownerStaffId}-${ticket.data.departmentId}`}
                aria-label="Change ticket"
                className="space-y-2"
                onSubmit={submitWith((form) => {
                  const current = ticket.data;
                  if (!current) return;
                  const changed: UpdateTicketInput = {};
                  const value = (name: string) => Number(form.get(name));
                  if (value("statusId") !== current.statusId) changed.statusId = value("statusId");
                  if (value("priorityId") !== current.priorityId) changed.priorityId = value("priorityId");
                  if (value("departmentId") !== current.departmentId)
                    changed.departmentId = value("departmentId");
                  if (value("ownerStaffId") !== current.ownerStaffId)
                    changed.ownerStaffId = value("ownerStaffId");
                  if (Object.keys(changed).length === 0) {
                    setNotice({ tone: "warn", text: "Nothing changed." });
                    return;
                  }
                  update.mutate(changed);
                })}
              >
                <SelectField
                  label="Status"
                  name="statusId"
                  defaultValue={String(ticket.data.statusId)}
                  options={lookups.statuses
                    // Department-specific statuses of other departments would be ignored by Kayako.
                    .filter(
                      (s) =>
                        s.departmentId === 0 ||
                        s.departmentId === ticket.data?.departmentId ||
                        s.id === ticket.data?.statusId,
                    )
                    .map((s) => ({ value: String(s.id), label: s.title }))}
                />
                <SelectField
                  label="Priority"
                  name="priorityId"
                  defaultValue={String(ticket.data.priorityId)}
                  options={lookups.priorities.map((p) => ({ value: String(p.id), label: p.title }))}
                />
                <SelectField
                  label="Owner"
                  name="ownerStaffId"
                  defaultValue={String(ticket.data.ownerStaffId)}
                  options={[
                    { value: "0", label: "Unassigned" },
                    ...lookups.staff.map((s) => ({ value: String(s.id), label: s.title })),
                  ]}
                />
                <SelectField
                  label="Department"
                  name="departmentId"
                  defaultValue={String(ticket.data.departmentId)}
                  options={lookups.departments.map((d) => ({ value: String(d.id), label: d.title }))}
                />
                {update.isError && (
                  <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                    {update.error.message}
                  </p>
                )}
                <div className="flex gap-2">
                  <Button type="submit" disabled={update.isPending}>
                    Save changes
                  </Button>
                  {closedStatus && !ticket.data.resolved && (
                    <Button
                      variant="secondary"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ statusId: closedStatus.id })}
                    >
                      Close ticket
                    </Button>
                  )}
                </div>
              </form>
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
