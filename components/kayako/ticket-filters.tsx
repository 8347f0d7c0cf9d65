"use client";

import { type inferParserType, parseAsString } from "nuqs";
import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
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

/** The built-in status choices, beside the helpdesk's own statuses. */
const STATUS_CHOICES: Record<string, string> = {
  open: "Open (unresolved)",
  closed: "Closed (resolved)",
  all: "Any status",
};

/** An id from the helpdesk's lists as its title, or the id while the lists are loading. */
const titleOf = (items: { id: number; title: string }[] | undefined, id: string) =>
  items?.find((item) => String(item.id) === id)?.title ?? `#${id}`;

/** Each filter as its chip reads; the status only when it is not the default, open tickets. */
function chipFields(lookups: TicketLookupsDto | undefined): ChipField<TicketFilterState>[] {
  return [
    { keys: ["q"], name: "Search", value: ({ q }) => q || null },
    {
      keys: ["status"],
      name: "Status",
      value: ({ status }) =>
        status === "open" ? null : (STATUS_CHOICES[status] ?? titleOf(lookups?.statuses, status)),
    },
    {
      keys: ["owner"],
      name: "Owner",
      value: ({ owner }) =>
        owner === "" ? null : owner === "unassigned" ? "Unassigned" : titleOf(lookups?.staff, owner),
    },
    {
      keys: ["department"],
      name: "Department",
      value: ({ department }) => (department ? titleOf(lookups?.departments, department) : null),
    },
    {
      keys: ["priority"],
      name: "Priority",
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
  return (
    <FilterForm
      label="Filter tickets"
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
      chips={filterChips(filters, chipFields(lookups), onReset)}
      more={{
        keys: ["department", "priority"],
        columns: "sm:grid-cols-2 lg:grid-cols-4",
        fields: (
          <>
            <SelectField
              label="Department"
              name="department"
              defaultValue={filters.department}
              options={lookupOptions(lookups?.departments, { value: "", label: "All departments" })}
            />
            <SelectField
              label="Priority"
              name="priority"
              defaultValue={filters.priority}
              options={lookupOptions(lookups?.priorities, { value: "", label: "Any priority" })}
            />
          </>
        ),
      }}
      footer={
        filters.user && (
          <Badge tone="neutral">
            Requester #{filters.user}{" "}
            <button type="button" className="underline" onClick={onShowEveryone}>
              show everyone
            </button>
          </Badge>
        )
      }
    >
      <TextField
        label="Search"
        name="q"
        defaultValue={filters.q}
        placeholder="Subject, requester, mask"
        aria-keyshortcuts="/"
      />
      <SelectField
        label="Status"
        name="status"
        defaultValue={filters.status}
        options={lookupOptions(
          lookups?.statuses,
          ...Object.entries(STATUS_CHOICES).map(([value, label]) => ({ value, label })),
        )}
      />
      <SelectField
        label="Owner"
        name="owner"
        defaultValue={filters.owner}
        options={lookupOptions(
          lookups?.staff,
          { value: "", label: "Anyone" },
          { value: "unassigned", label: "Unassigned" },
        )}
      />
    </FilterForm>
  );
}
