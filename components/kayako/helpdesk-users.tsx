"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsString, useQueryState } from "nuqs";
import { useMemo } from "react";
import { ColumnTable } from "@/components/data-table/column-table";
import type { ColumnDef } from "@/components/data-table/columns";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EmptyState, QueryErrorState } from "@/components/ui/states";
import type { HelpdeskUserDto } from "@/lib/api/kayako";
import { submitWith } from "@/lib/client/form-submit";
import { ticketQueries } from "@/lib/client/queries/kayako";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

export interface HelpdeskUsersProps {
  connectionId: string;
  onShowTickets: (userId: number) => void;
}

/** Requesters by name, e-mail or organisation; "Tickets" filters the list above to one of them. */
export function HelpdeskUsers({ connectionId, onShowTickets }: HelpdeskUsersProps) {
  const t = useTranslations("kayako");
  const columns = useMemo(
    (): readonly ColumnDef<HelpdeskUserDto>[] => [
      { id: "fullName", header: t("users.name"), cell: (user) => user.fullName },
      { id: "emails", header: t("users.email"), cell: (user) => user.emails.join(", ") },
      { id: "organization", header: t("users.organization"), cell: (user) => user.organization || "—" },
      { id: "phone", header: t("users.phone"), cell: (user) => user.phone || "—" },
    ],
    [t],
  );
  const [q, setQ] = useQueryState("userQ", parseAsString.withDefault(""));
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  // A link may carry a search the API would refuse (one letter): it is not sent.
  const users = useQuery({ ...ticketQueries.users(connectionId, q), enabled: q.length >= 2 });
  return (
    <section aria-label={t("users.region")} className="mt-8">
      <h2 className="mb-2 text-lg font-semibold">{t("users.heading")}</h2>
      <form
        ref={formRef}
        className="mb-3 flex max-w-lg items-end gap-2"
        noValidate
        onSubmit={submitWith(async (form) => {
          const typed = String(form.get("userQ") ?? "").trim();
          // Loaded when a search is sent, so the page's first load carries no schema builder.
          const { SearchHelpdeskUsersQuery } = await import("@/lib/api/kayako");
          // Checked as the API will: a one-letter search is named on the field instead of doing nothing.
          const checked = validateInput(SearchHelpdeskUsersQuery, { q: typed });
          if (typed && !checked.ok) {
            setErrors(checked.fieldErrors);
            return;
          }
          setErrors({});
          // An empty search clears the list.
          void setQ(checked.ok ? checked.data.q : null);
        })}
      >
        <TextField
          label={t("users.find")}
          name="userQ"
          defaultValue={q}
          placeholder={t("users.findPlaceholder")}
          error={errors.q}
        />
        <Button type="submit">{t("users.search")}</Button>
      </form>
      <QueryErrorState query={users} />
      {users.data && users.data.items.length === 0 && <EmptyState title={t("users.empty")} />}
      {users.data && users.data.items.length > 0 && (
        <ColumnTable
          label={t("users.label")}
          columns={columns}
          rows={users.data.items}
          rowKey={(user) => String(user.id)}
          actions={(user) => (
            <Button variant="secondary" size="sm" onClick={() => onShowTickets(user.id)}>
              {t("users.tickets")}
            </Button>
          )}
        />
      )}
    </section>
  );
}
