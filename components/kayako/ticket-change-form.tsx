"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import {
  type TicketDetailDto,
  type TicketLookupsDto,
  UpdateTicketBody,
  type UpdateTicketInput,
  type UpdateTicketResultDto,
} from "@/lib/api/kayako";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { ticketQueries } from "@/lib/client/queries/kayako";
import { validateInput } from "@/lib/client/validate-input";

export interface TicketChangeFormProps {
  connectionId: string;
  ticket: TicketDetailDto;
  lookups: TicketLookupsDto;
  onChanged: (result: UpdateTicketResultDto) => void;
}

/** The ticket's fields this form changes (and the panel names when Kayako did not apply one). */
const CHANGEABLE = ["statusId", "priorityId", "departmentId", "ownerStaffId"] as const;
type ChangeableField = (typeof CHANGEABLE)[number];

export const isChangeableField = (field: string): field is ChangeableField =>
  (CHANGEABLE as readonly string[]).includes(field);

/** Only what differs from the ticket is sent: Kayako is then asked to change nothing it already has. */
function changedFields(form: FormData, ticket: TicketDetailDto): UpdateTicketInput {
  const changed: UpdateTicketInput = {};
  for (const field of CHANGEABLE) {
    const value = Number(form.get(field));
    if (value !== ticket[field]) changed[field] = value;
  }
  return changed;
}

/** Status, priority, owner and department of one ticket, and the one-click close. */
export function TicketChangeForm({ connectionId, ticket, lookups, onChanged }: TicketChangeFormProps) {
  const t = useTranslations("kayako");
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (body: UpdateTicketInput) =>
      callOperation("updateTicket", { params: { connectionId, ticketId: String(ticket.id) }, body }),
    onSuccess: (result) => {
      queryClient.setQueryData(ticketQueries.detail(connectionId, String(ticket.id)).queryKey, result.ticket);
      void queryClient.invalidateQueries({ queryKey: ticketQueries.connection(connectionId) });
      onChanged(result);
    },
    onError: (error) => setFormError(error.message),
  });
  const closedStatus = lookups.statuses.find(
    (s) => s.resolved && (s.departmentId === 0 || s.departmentId === ticket.departmentId),
  );
  return (
    <form
      // The fields start from the ticket as it is now, also after a change made here or elsewhere.
      key={`${ticket.statusId}-${ticket.priorityId}-${ticket.ownerStaffId}-${ticket.departmentId}`}
      aria-label={t("change.label")}
      className="space-y-2"
      onSubmit={submitWith((form) => {
        // The schema's one rule here is "change at least one field": a form-wide message, not a field's.
        const checked = validateInput(UpdateTicketBody, changedFields(form, ticket));
        if (!checked.ok) {
          setFormError(Object.values(checked.fieldErrors).join(" "));
          return;
        }
        setFormError(null);
        update.mutate(checked.data);
      })}
    >
      <SelectField
        label={t("change.status")}
        name="statusId"
        defaultValue={String(ticket.statusId)}
        options={lookups.statuses
          // Department-specific statuses of other departments would be ignored by Kayako.
          .filter(
            (s) => s.departmentId === 0 || s.departmentId === ticket.departmentId || s.id === ticket.statusId,
          )
          .map((s) => ({ value: String(s.id), label: s.title }))}
      />
      <SelectField
        label={t("change.priority")}
        name="priorityId"
        defaultValue={String(ticket.priorityId)}
        options={lookups.priorities.map((p) => ({ value: String(p.id), label: p.title }))}
      />
      <SelectField
        label={t("change.owner")}
        name="ownerStaffId"
        defaultValue={String(ticket.ownerStaffId)}
        options={[
          { value: "0", label: t("change.unassigned") },
          ...lookups.staff.map((s) => ({ value: String(s.id), label: s.title })),
        ]}
      />
      <SelectField
        label={t("change.department")}
        name="departmentId"
        defaultValue={String(ticket.departmentId)}
        options={lookups.departments.map((d) => ({ value: String(d.id), label: d.title }))}
      />
      {formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending}>
          {t("change.save")}
        </Button>
        {closedStatus && !ticket.resolved && (
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ statusId: closedStatus.id })}
          >
            {t("change.closeTicket")}
          </Button>
        )}
      </div>
    </form>
  );
}
