"use client";

import { type inferParserType, parseAsString } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { TicketLookupsDto } from "@/lib/api/kayako";
import type { OperationQuery } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

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

const idOptions = (items: { id: number; title: string }[] | undefined, any: string) => [
  { value: "", label: any },
  ...(items ?? []).map((item) => ({ value: String(item.id), label: item.title })),
];

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
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  return (
    <form
      ref={formRef}
      // A new URL (a link, Back, Clear) shows its own values, not what was typed before.
      key={JSON.stringify(filters)}
      aria-label="Filter tickets"
      noValidate
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-5 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={submitWith(async (form) => {
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
        // Loaded when filters are applied, so the page's first load carries no schema builder.
        const { ListTicketsQuery } = await import("@/lib/api/kayako");
        const checked = validateInput(ListTicketsQuery, sent);
        if (!checked.ok) {
          setErrors(checked.fieldErrors);
          return;
        }
        setErrors({});
        onApply(typed);
      })}
    >
      <TextField
        label="Search"
        name="q"
        defaultValue={filters.q}
        placeholder="Subject, requester, mask"
        error={errors.q}
      />
      <SelectField
        label="Department"
        name="department"
        defaultValue={filters.department}
        options={idOptions(lookups?.departments, "All departments")}
        error={errors.department}
      />
      <SelectField
        label="Status"
        name="status"
        defaultValue={filters.status}
        options={[
          { value: "open", label: "Open (unresolved)" },
          { value: "closed", label: "Closed (resolved)" },
          { value: "all", label: "Any status" },
          ...(lookups?.statuses ?? []).map((s) => ({ value: String(s.id), label: s.title })),
        ]}
        error={errors.status}
      />
      <SelectField
        label="Priority"
        name="priority"
        defaultValue={filters.priority}
        options={idOptions(lookups?.priorities, "Any priority")}
        error={errors.priority}
      />
      <SelectField
        label="Owner"
        name="owner"
        defaultValue={filters.owner}
        options={[
          { value: "", label: "Anyone" },
          { value: "unassigned", label: "Unassigned" },
          ...(lookups?.staff ?? []).map((s) => ({ value: String(s.id), label: s.title })),
        ]}
        error={errors.owner}
      />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-5">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setErrors({});
            onClear();
          }}
        >
          Clear
        </Button>
        {filters.user && (
          <Badge tone="neutral">
            Requester #{filters.user}{" "}
            <button type="button" className="underline" onClick={onShowEveryone}>
              show everyone
            </button>
          </Badge>
        )}
      </div>
    </form>
  );
}
