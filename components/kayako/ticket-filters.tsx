"use client";

import { type inferParserType, parseAsString } from "nuqs";
import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { SelectField, TextField } from "@/components/ui/field";
import type { TicketLookupsDto } from "@/lib/api/kayako";
import type { OperationQuery } from "@/lib/client/call-operation";
import { validateInput } from "@/lib/client/validate-input";
import type { Translate } from "@/lib/i18n/translator";

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

/** The built-in status choices, beside the helpdesk's own statuses. */
const STATUS_CHOICES = { open: "filters.open", closed: "filters.closed", all: "filters.anyStatus" } as const;

/** An id from the helpdesk's lists as its title, or the id while the lists are loading. */
const titleOf = (items: { id: number; title: string }[] | undefined, id: string) =>
  items?.find((item) => String(item.id) === id)?.title ?? `#${id}`;

/** Each filter as its chip reads, worded as its field; the status only when it is not the default, open tickets. */
function chipFields(
  t: Translate<"kayako">,
  lookups: TicketLookupsDto | undefined,
): ChipField<TicketFilterState>[] {
  return [
    { keys: ["q"], name: t("filters.search"), value: ({ q }) => q || null },
    {
      keys: ["status"],
      name: t("filters.status"),
      value: ({ status }) => {
        if (status === "open") return null;
        return status in STATUS_CHOICES
          ? t(STATUS_CHOICES[status as keyof typeof STATUS_CHOICES])
          : titleOf(lookups?.statuses, status);
      },
    },
    {
      keys: ["owner"],
      name: t("filters.owner"),
      value: ({ owner }) => {
        if (owner === "") return null;
        return owner === "unassigned" ? t("filters.unassigned") : titleOf(lookups?.staff, owner);
      },
    },
    {
      keys: ["department"],
      name: t("filters.department"),
      value: ({ department }) => (department ? titleOf(lookups?.departments, department) : null),
    },
    {
      keys: ["priority"],
      name: t("filters.priority"),
      value: ({ priority }) => (priority ? titleOf(lookups?.priorities, priority) : null),
    },
  ];
}

type TicketFilterKey = keyof TicketFilterState & string;

export interface TicketFiltersFormProps {
  filters: TicketFilterState;
  lookups: TicketLookupsDto | undefined;
  onApply: (filters: Omit<TicketFilterState, "user">) => void;
  /** Puts these filters back to their defaults (a chip removed). */
  onReset: (keys: readonly TicketFilterKey[]) => void;
  onClear: () => void;
  onShowEveryone: () => void;
}

/** Search text and the helpdesk's own lists, checked with the API's schema before they reach the URL. */
export function TicketFiltersForm({
  filters,
  lookups,
  onApply,
  onReset,
  onClear,
  onShowEveryone,
}: TicketFiltersFormProps) {
  const t = useTranslations("kayako");
  return (
    <FilterForm
      label={t("filters.label")}
      current={filters}
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
      chips={filterChips(filters, chipFields(t, lookups), onReset)}
      more={{
        keys: ["department", "priority"],
        columns: "sm:grid-cols-2 lg:grid-cols-4",
        fields: (
          <>
            <SelectField
              label={t("filters.department")}
              name="department"
              defaultValue={filters.department}
              options={lookupOptions(lookups?.departments, { value: "", label: t("filters.allDepartments") })}
            />
            <SelectField
              label={t("filters.priority")}
              name="priority"
              defaultValue={filters.priority}
              options={lookupOptions(lookups?.priorities, { value: "", label: t("filters.anyPriority") })}
            />
          </>
        ),
      }}
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
        label={t("filters.status")}
        name="status"
        defaultValue={filters.status}
        options={lookupOptions(
          lookups?.statuses,
          ...Object.entries(STATUS_CHOICES).map(([value, key]) => ({ value, label: t(key) })),
        )}
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
