"use client";

import { type inferParserType, parseAsString } from "nuqs";
import { FilterForm } from "@/components/data-table/filter-form";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { SelectField, TextField } from "@/components/ui/field";
import type { TicketLookupsDto } from "@/lib/api/kayako";
import type { OperationQuery } from "@/lib/client/call-operation";
import { validateInput } from "@/lib/client/validate-input";

/** The ticket filters as the URL keeps them; `user` is set from the users list below, not typed. */
export const ticketFilterParsers = {
  department: parseAsString.withDefault(""),
  status: parseAsString.withDefault("open"),
  priority: parseAsString.withDefault(""),
  owner: parseAsString.withDefault(""),
  user: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
};
export type TicketFilterState = inferParserType<typeof ticketFilterParsers>;

/** The URL's filters as the API takes them; an empty filter is left out, which the server reads as "any". */
export function ticketFilterQuery(filters: TicketFilterState): OperationQuery<"listTickets"> {
  return {
    department: filters.department || undefined,
    status: filters.status,
    priority: filters.priority || undefined,
    owner: filters.owner || undefined,
    user: filters.user || undefined,
    q: filters.q || undefined,
  };
}

/** A helpdesk list as options, after the choices it does not hold ("Any priority", "Unassigned"). */
const lookupOptions = (
  items: { id: number; title: string }[] | undefined,
  ...first: { value: string; label: string }[]
) => [...first, ...(items ?? []).map((item) => ({ value: String(item.id), label: item.title }))];

export interface TicketFiltersFormProps {
  filters: TicketFilterState;
  lookups: TicketLookupsDto | undefined;
  onApply: (filters: Omit<TicketFilterState, "user">) => void;
  onClear: () => void;
  onShowEveryone: () => void;
}

/** Search text and the helpdesk's own lists, checked with the API's schema before they reach the URL. */
export function TicketFiltersForm({
  filters,
  lookups,
  onApply,
  onClear,
  onShowEveryone,
}: TicketFiltersFormProps) {
  const t = useTranslations("kayako");
  return (
    <FilterForm
      label={t("filters.label")}
      current={filters}
      columns="sm:grid-cols-3 lg:grid-cols-5"
      check={async (form) => {
        const text = (name: string) => String(form.get(name) ?? "").trim();
        const typed = {
          department: text("department"),
          status: text("status") || "open",
          priority: text("priority"),
          owner: text("owner"),
          q: text("q"),
        };
        // An empty filter is not sent, as in ticketFilterQuery.
        const sent = Object.fromEntries(Object.entries(typed).filter(([, value]) => value !== ""));
        const { ListTicketsQuery } = await import("@/lib/api/kayako");
        const checked = validateInput(ListTicketsQuery, sent);
        // The URL keeps what was typed (empty filters included), once the schema accepts it.
        return checked.ok ? { ok: true, data: typed } : checked;
      }}
      onApply={onApply}
      onClear={onClear}
      footer={
        filters.user && (
          <Badge tone="neutral">
            {t("filters.requester", { user: filters.user })}{" "}
            <button type="button" className="underline" onClick={onShowEveryone}>
              {t("filters.showEveryone")}
            </button>
          </Badge>
        )
      }
    >
      <TextField
        label={t("filters.search")}
        name="q"
        defaultValue={filters.q}
        placeholder={t("filters.searchPlaceholder")}
        aria-keyshortcuts="/"
      />
      <SelectField
        label={t("filters.department")}
        name="department"
        defaultValue={filters.department}
        options={lookupOptions(lookups?.departments, { value: "", label: t("filters.allDepartments") })}
      />
      <SelectField
        label={t("filters.status")}
        name="status"
        defaultValue={filters.status}
        options={lookupOptions(
          lookups?.statuses,
          { value: "open", label: t("filters.open") },
          { value: "closed", label: t("filters.closed") },
          { value: "all", label: t("filters.anyStatus") },
        )}
      />
      <SelectField
        label={t("filters.priority")}
        name="priority"
        defaultValue={filters.priority}
        options={lookupOptions(lookups?.priorities, { value: "", label: t("filters.anyPriority") })}
      />
      <SelectField
        label={t("filters.owner")}
        name="owner"
        defaultValue={filters.owner}
        options={lookupOptions(
          lookups?.staff,
          { value: "", label: t("filters.anyone") },
          { value: "unassigned", label: t("filters.unassigned") },
        )}
      />
    </FilterForm>
  );
}
