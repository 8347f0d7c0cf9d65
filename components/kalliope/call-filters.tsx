"use client";

import {
  type inferParserType,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs";
import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { CallFilters } from "@/lib/api/kalliope";
import type { OperationQuery } from "@/lib/client/call-operation";
import { validateInput } from "@/lib/client/validate-input";
import { PRESET_LABELS, PRESETS } from "@/lib/kalliope-range";
import {
  CALL_STATUS_LABELS,
  CALL_STATUSES,
  ENDPOINT_TYPE_LABELS,
  ENDPOINT_TYPES,
  MATCH_MODES,
} from "@/lib/kalliope-vocabulary";

/** The call filters as the URL keeps them (short names, so a shared link stays readable). */
export const callFilterParsers = {
  preset: parseAsStringLiteral(PRESETS).withDefault("today"),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  caller: parseAsString.withDefault(""),
  callerMode: parseAsStringLiteral(MATCH_MODES).withDefault("contains"),
  called: parseAsString.withDefault(""),
  calledMode: parseAsStringLiteral(MATCH_MODES).withDefault("contains"),
  status: parseAsArrayOf(parseAsString).withDefault([]),
  source: parseAsString.withDefault(""),
  destination: parseAsString.withDefault(""),
  gateway: parseAsString.withDefault(""),
  account: parseAsString.withDefault(""),
  answeredBy: parseAsString.withDefault(""),
  minDur: parseAsInteger,
  maxDur: parseAsInteger,
  minBill: parseAsInteger,
  maxBill: parseAsInteger,
  uid: parseAsString.withDefault(""),
};
export type CallFilterState = inferParserType<typeof callFilterParsers>;

/** The URL's filters as the API takes them; an empty filter is left out, which the server reads as "any". */
export function callFilterQuery(filters: CallFilterState): OperationQuery<"getCallStats"> {
  // Named periods are resolved by the server on the PBX's calendar (its time zone, not the browser's).
  const period =
    filters.preset === "custom"
      ? { from: filters.from || undefined, to: filters.to || undefined }
      : { preset: filters.preset };
  return {
    ...period,
    caller: filters.caller || undefined,
    callerMode: filters.callerMode,
    called: filters.called || undefined,
    calledMode: filters.calledMode,
    status: filters.status.join(",") || undefined,
    source: filters.source || undefined,
    destination: filters.destination || undefined,
    gateway: filters.gateway || undefined,
    accountCode: filters.account || undefined,
    answeredBy: filters.answeredBy || undefined,
    minDuration: filters.minDur ?? undefined,
    maxDuration: filters.maxDur ?? undefined,
    minBill: filters.minBill ?? undefined,
    maxBill: filters.maxBill ?? undefined,
    uniqueId: filters.uid || undefined,
  };
}

/** The form's fields under the API's names, so the schema's field errors land on the right field. */
function filtersFromForm(form: FormData) {
  const get = (name: string) => String(form.get(name) ?? "").trim();
  const optional = (name: string) => get(name) || undefined;
  const preset = get("preset");
  return {
    preset,
    ...(preset === "custom" && { from: optional("from"), to: optional("to") }),
    caller: optional("caller"),
    callerMode: get("callerMode"),
    called: optional("called"),
    calledMode: get("calledMode"),
    status: form.getAll("status").map(String).join(",") || undefined,
    source: optional("source"),
    destination: optional("destination"),
    gateway: optional("gateway"),
    accountCode: optional("accountCode"),
    answeredBy: optional("answeredBy"),
    minDuration: optional("minDuration"),
    maxDuration: optional("maxDuration"),
    minBill: optional("minBill"),
    maxBill: optional("maxBill"),
    uniqueId: optional("uniqueId"),
  };
}

/** The checked filters back under the URL's names; what the schema left out is the URL's default. */
function urlFilters(checked: CallFilters): CallFilterState {
  return {
    preset: checked.preset ?? "today",
    from: checked.from ?? "",
    to: checked.to ?? "",
    caller: checked.caller ?? "",
    callerMode: checked.callerMode,
    called: checked.called ?? "",
    calledMode: checked.calledMode,
    status: checked.status,
    source: checked.source ?? "",
    destination: checked.destination ?? "",
    gateway: checked.gateway ?? "",
    account: checked.accountCode ?? "",
    answeredBy: checked.answeredBy ?? "",
    minDur: checked.minDuration ?? null,
    maxDur: checked.maxDuration ?? null,
    minBill: checked.minBill ?? null,
    maxBill: checked.maxBill ?? null,
    uid: checked.uniqueId ?? "",
  };
}

const MODE_LABELS: Record<(typeof MATCH_MODES)[number], string> = {
  begins: "begins with",
  contains: "contains",
  ends: "ends with",
  exact: "is",
  not: "does not contain",
};

const selectClass =
  "rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

const ENDPOINT_OPTIONS = [
  { value: "", label: "Any" },
  ...ENDPOINT_TYPES.map((t) => ({ value: t, label: ENDPOINT_TYPE_LABELS[t] ?? t })),
];

/** The duration filters: the URL's short name and the API's name, which the form's field carries. */
const SECONDS_FIELDS = [
  { url: "minDur", name: "minDuration", label: "Min duration (s)" },
  { url: "maxDur", name: "maxDuration", label: "Max duration (s)" },
  { url: "minBill", name: "minBill", label: "Min billed (s)" },
  { url: "maxBill", name: "maxBill", label: "Max billed (s)" },
] as const;

type CallFilterKey = keyof CallFilterState & string;

const text = (key: "gateway" | "account" | "answeredBy" | "uid") => (filters: CallFilterState) =>
  filters[key] || null;
const numberMatch = (name: "caller" | "called") => (filters: CallFilterState) =>
  filters[name] ? `${MODE_LABELS[filters[`${name}Mode`]]} ${filters[name]}` : null;
const endpoint = (key: "source" | "destination") => (filters: CallFilterState) =>
  filters[key] ? (ENDPOINT_TYPE_LABELS[filters[key]] ?? filters[key]) : null;

/** Each filter as its chip reads, in the order of the fields; the period only when it is not today. */
const CHIP_FIELDS: ChipField<CallFilterState>[] = [
  {
    keys: ["preset", "from", "to"],
    name: "Period",
    value: ({ preset, from, to }) => {
      if (preset === "today") return null;
      return preset === "custom" ? `${from || "…"} – ${to || "…"}` : PRESET_LABELS[preset];
    },
  },
  { keys: ["caller", "callerMode"], name: "Caller", value: numberMatch("caller") },
  { keys: ["called", "calledMode"], name: "Called", value: numberMatch("called") },
  {
    keys: ["status"],
    name: "Status",
    value: ({ status }) => status.map((value) => CALL_STATUS_LABELS[value] ?? value).join(", ") || null,
  },
  { keys: ["source"], name: "Source type", value: endpoint("source") },
  { keys: ["destination"], name: "Destination type", value: endpoint("destination") },
  { keys: ["gateway"], name: "Gateway", value: text("gateway") },
  { keys: ["account"], name: "Account code", value: text("account") },
  { keys: ["answeredBy"], name: "Answered by", value: text("answeredBy") },
  { keys: ["uid"], name: "Unique id", value: text("uid") },
  ...SECONDS_FIELDS.map(
    (field): ChipField<CallFilterState> => ({
      keys: [field.url],
      name: field.label,
      value: (filters) => (filters[field.url] === null ? null : String(filters[field.url])),
    }),
  ),
];

/** The URL keys of the filters behind "More filters". */
const MORE_FILTER_KEYS = [
  "source",
  "destination",
  "gateway",
  "account",
  "answeredBy",
  "uid",
  ...SECONDS_FIELDS.map((field) => field.url),
];

/** A number or part of one, and how it must match (begins with, contains...). */
function NumberMatchField(props: {
  label: "Caller" | "Called";
  name: "caller" | "called";
  value: string;
  mode: (typeof MATCH_MODES)[number];
}) {
  return (
    <div className="flex items-end gap-1">
      <TextField label={props.label} name={props.name} defaultValue={props.value} />
      <select
        aria-label={`${props.label} match`}
        name={`${props.name}Mode`}
        defaultValue={props.mode}
        className={selectClass}
      >
        {MATCH_MODES.map((m) => (
          <option key={m} value={m}>
            {MODE_LABELS[m]}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface CallFiltersFormProps {
  filters: CallFilterState;
  onApply: (filters: CallFilterState) => void;
  /** Puts these filters back to their defaults (a chip removed). */
  onReset: (keys: readonly CallFilterKey[]) => void;
  onClear: () => void;
}

/**
 * The call filters, checked with the API's own schema before they reach the URL: a negative duration or a
 * malformed date is named on its field at once instead of coming back as a failed list.
 */
export function CallFiltersForm({ filters, onApply, onReset, onClear }: CallFiltersFormProps) {
  return (
    <FilterForm
      label="Call filters"
      current={filters}
      check={async (form) => {
        const { CallFiltersQuery } = await import("@/lib/api/kalliope");
        return validateInput(CallFiltersQuery, filtersFromForm(form));
      }}
      onApply={(checked) => onApply(urlFilters(checked))}
      onClear={onClear}
      chips={filterChips(filters, CHIP_FIELDS, onReset)}
      more={{
        keys: MORE_FILTER_KEYS,
        columns: "sm:grid-cols-4",
        fields: (
          <>
            <SelectField
              label="Source type"
              name="source"
              defaultValue={filters.source}
              options={ENDPOINT_OPTIONS}
            />
            <SelectField
              label="Destination type"
              name="destination"
              defaultValue={filters.destination}
              options={ENDPOINT_OPTIONS}
            />
            <TextField label="Gateway" name="gateway" defaultValue={filters.gateway} />
            <TextField label="Account code" name="accountCode" defaultValue={filters.account} />
            <TextField label="Answered by" name="answeredBy" defaultValue={filters.answeredBy} />
            <TextField label="Unique id" name="uniqueId" defaultValue={filters.uid} />
            {SECONDS_FIELDS.map((field) => (
              <TextField
                key={field.name}
                label={field.label}
                name={field.name}
                inputMode="numeric"
                defaultValue={filters[field.url] ?? ""}
              />
            ))}
          </>
        ),
      }}
    >
      <SelectField
        label="Period"
        name="preset"
        defaultValue={filters.preset}
        options={PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
      />
      <TextField
        label="From (custom, PBX time)"
        name="from"
        type="datetime-local"
        defaultValue={filters.from}
      />
      <TextField label="To (custom, PBX time)" name="to" type="datetime-local" defaultValue={filters.to} />
      <NumberMatchField label="Caller" name="caller" value={filters.caller} mode={filters.callerMode} />
      <NumberMatchField label="Called" name="called" value={filters.called} mode={filters.calledMode} />
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 font-medium">Status</legend>
        {CALL_STATUSES.map((status) => (
          <label key={status} className="flex items-center gap-1">
            <input
              type="checkbox"
              name="status"
              value={status}
              defaultChecked={filters.status.includes(status)}
            />
            {CALL_STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
    </FilterForm>
  );
}
