"use client";

import {
  type inferParserType,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs";
import { useState } from "react";
import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField, TextField } from "@/components/ui/field";
import type { CallFilters } from "@/lib/api/kalliope";
import type { OperationQuery } from "@/lib/client/call-operation";
import { validateInput } from "@/lib/client/validate-input";
import type { Translate } from "@/lib/i18n/translator";
import { PRESETS } from "@/lib/kalliope-range";
import { CALL_STATUSES, ENDPOINT_TYPES, MATCH_MODES } from "@/lib/kalliope-vocabulary";
import { type CallLabels, useCallLabels } from "./use-call-labels";

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

const selectClass =
  "rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/**
 * The duration filters: the URL's short name and the API's name, which the form's field carries; the field's
 * name is the API's, so it also names the label in the catalog.
 */
const SECONDS_FIELDS = [
  { url: "minDur", name: "minDuration" },
  { url: "maxDur", name: "maxDuration" },
  { url: "minBill", name: "minBill" },
  { url: "maxBill", name: "maxBill" },
] as const;

/** A number or part of one, and how it must match (begins with, contains...). */
function NumberMatchField(props: {
  name: "caller" | "called";
  value: string;
  mode: (typeof MATCH_MODES)[number];
}) {
  const t = useTranslations("kalliope");
  return (
    <div className="flex items-end gap-1">
      <TextField label={t(`filters.${props.name}`)} name={props.name} defaultValue={props.value} />
      <select
        aria-label={t(`filters.${props.name}Match`)}
        name={`${props.name}Mode`}
        defaultValue={props.mode}
        className={selectClass}
      >
        {MATCH_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`matchModes.${m}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

type CallFilterKey = keyof CallFilterState & string;

/** Each filter as its chip reads, worded as its field, in the order of the fields; the period unless today. */
function chipFields(t: Translate<"kalliope">, labels: CallLabels): ChipField<CallFilterState>[] {
  const text = (key: "gateway" | "account" | "answeredBy" | "uid") => (filters: CallFilterState) =>
    filters[key] || null;
  const numberMatch = (name: "caller" | "called") => (filters: CallFilterState) =>
    filters[name] ? `${t(`matchModes.${filters[`${name}Mode`]}`)} ${filters[name]}` : null;
  const endpoint = (key: "source" | "destination") => (filters: CallFilterState) =>
    filters[key] ? labels.endpoint(filters[key]) : null;
  return [
    {
      keys: ["preset", "from", "to"],
      name: t("filters.period"),
      value: ({ preset, from, to }) => {
        if (preset === "today") return null;
        return preset === "custom" ? `${from || "…"} – ${to || "…"}` : t(`presets.${preset}`);
      },
    },
    { keys: ["caller", "callerMode"], name: t("filters.caller"), value: numberMatch("caller") },
    { keys: ["called", "calledMode"], name: t("filters.called"), value: numberMatch("called") },
    {
      keys: ["status"],
      name: t("filters.status"),
      value: ({ status }) => status.map(labels.status).join(", ") || null,
    },
    { keys: ["source"], name: t("filters.sourceType"), value: endpoint("source") },
    { keys: ["destination"], name: t("filters.destinationType"), value: endpoint("destination") },
    { keys: ["gateway"], name: t("filters.gateway"), value: text("gateway") },
    { keys: ["account"], name: t("filters.accountCode"), value: text("account") },
    { keys: ["answeredBy"], name: t("filters.answeredBy"), value: text("answeredBy") },
    { keys: ["uid"], name: t("filters.uniqueId"), value: text("uid") },
    ...SECONDS_FIELDS.map(
      (field): ChipField<CallFilterState> => ({
        keys: [field.url],
        name: t(`filters.${field.name}`),
        value: (filters) => (filters[field.url] === null ? null : String(filters[field.url])),
      }),
    ),
  ];
}

/** The URL keys of the filters behind "More filters": all but the period and the two numbers. */
const MORE_FILTER_KEYS = [
  "status",
  "source",
  "destination",
  "gateway",
  "account",
  "answeredBy",
  "uid",
  ...SECONDS_FIELDS.map((field) => field.url),
];

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
  const t = useTranslations("kalliope");
  const labels = useCallLabels();
  // The dates of a custom period show only while the period is custom: the bar stays one line otherwise.
  const [preset, setPreset] = useState(filters.preset);
  const endpointOptions = [
    { value: "", label: t("filters.anyType") },
    ...ENDPOINT_TYPES.map((type) => ({ value: type, label: t(`endpoint.${type}`) })),
  ];
  return (
    <FilterForm
      label={t("filters.label")}
      current={filters}
      check={async (form) => {
        const { CallFiltersQuery } = await import("@/lib/api/kalliope");
        return validateInput(CallFiltersQuery, filtersFromForm(form));
      }}
      onApply={(checked) => onApply(urlFilters(checked))}
      onClear={onClear}
      chips={filterChips(filters, chipFields(t, labels), onReset)}
      more={{
        keys: MORE_FILTER_KEYS,
        columns: "sm:grid-cols-4",
        fields: (
          <>
            <SelectField
              label={t("filters.sourceType")}
              name="source"
              defaultValue={filters.source}
              options={endpointOptions}
            />
            <SelectField
              label={t("filters.destinationType")}
              name="destination"
              defaultValue={filters.destination}
              options={endpointOptions}
            />
            <TextField label={t("filters.gateway")} name="gateway" defaultValue={filters.gateway} />
            <TextField label={t("filters.accountCode")} name="accountCode" defaultValue={filters.account} />
            <TextField label={t("filters.answeredBy")} name="answeredBy" defaultValue={filters.answeredBy} />
            <TextField label={t("filters.uniqueId")} name="uniqueId" defaultValue={filters.uid} />
            {SECONDS_FIELDS.map((field) => (
              <TextField
                key={field.name}
                label={t(`filters.${field.name}`)}
                name={field.name}
                inputMode="numeric"
                defaultValue={filters[field.url] ?? ""}
              />
            ))}
            <fieldset className="flex flex-wrap gap-3 text-sm sm:col-span-full">
              <legend className="mb-1 font-medium">{t("filters.status")}</legend>
              {CALL_STATUSES.map((status) => (
                <label key={status} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    name="status"
                    value={status}
                    defaultChecked={filters.status.includes(status)}
                  />
                  {t(`status.${status}`)}
                </label>
              ))}
            </fieldset>
          </>
        ),
      }}
    >
      <SelectField
        label={t("filters.period")}
        name="preset"
        defaultValue={filters.preset}
        onChange={(event) => setPreset(event.currentTarget.value as CallFilterState["preset"])}
        options={PRESETS.map((p) => ({ value: p, label: t(`presets.${p}`) }))}
      />
      <div hidden={preset !== "custom"} className="flex items-end gap-3">
        <TextField label={t("filters.from")} name="from" type="datetime-local" defaultValue={filters.from} />
        <TextField label={t("filters.to")} name="to" type="datetime-local" defaultValue={filters.to} />
      </div>
      <NumberMatchField name="caller" value={filters.caller} mode={filters.callerMode} />
      <NumberMatchField name="called" value={filters.called} mode={filters.calledMode} />
    </FilterForm>
  );
}
