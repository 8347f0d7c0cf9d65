"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import type { ConnectionDto } from "@/lib/api/connections";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import {
  BASE_URL_EXAMPLES,
  CONNECTION_DEFAULTS,
  CONNECTION_KIND_LABELS,
  CONNECTION_KINDS,
  type ConnectionKind,
  KIWIRE_SIGNING_MODES,
  KIWIRE_TIME_FORMATS,
  LEGACY_TIME_ZONE,
  needsTimeZone,
  PLAIN_FIELDS,
  SECRET_FIELDS,
  type SecretField,
  type TlsMode,
} from "@/lib/connection-kinds";

const SECRET_LABELS: Record<SecretField, string> = {
  password: "Password",
  apiKey: "API key",
  secretKey: "Secret key",
};

const TLS_OPTIONS = [
  { value: "verify", label: "Verify (system CAs, optional custom CA)" },
  { value: "pin", label: "Pin one certificate (self-signed accepted)" },
  { value: "insecure", label: "Insecure: no verification" },
];

export interface ConnectionFormProps {
  /** null: a new connection. */
  connection: ConnectionDto | null;
  open: boolean;
  onClose: () => void;
  onSaved: (connection: ConnectionDto) => void;
}

type Body = Record<string, unknown>;

const TIME_ZONE_HINTS: Partial<Record<ConnectionKind, { example: string; hint: string }>> = {
  kiwire: {
    example: "Asia/Kuala_Lumpur",
    hint: "IANA name, e.g. Asia/Kuala_Lumpur: Kiwire checks the signed time in its own zone.",
  },
  kalliope: {
    example: "Europe/Rome",
    hint: "IANA name, e.g. Europe/Rome: call times and days are the PBX's wall clock.",
  },
};

/** A connection saved before the zone was required: the form says so before anyone presses Save. */
function initialErrors(connection: ConnectionDto | null): Record<string, string> {
  if (!connection?.settings || !needsTimeZone(connection.kind) || connection.settings.timeZone) return {};
  return {
    timeZone: `Enter the appliance's time zone: this connection was saved without one and runs on ${LEGACY_TIME_ZONE} until then.`,
  };
}

/** Create or edit a connection. Secrets are write-only: an existing one shows as "set" with Replace. */
export function ConnectionForm({ connection, open, onClose, onSaved }: ConnectionFormProps) {
  const editing = connection !== null;
  const settings = connection?.settings;
  const [kind, setKind] = useState<ConnectionKind>(connection?.kind ?? "kerio-operator");
  const [tlsMode, setTlsMode] = useState<TlsMode>(settings?.tls.mode ?? "verify");
  const [replacing, setReplacing] = useState<ReadonlySet<SecretField>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>(() => initialErrors(connection));
  const caId = useId();

  const save = useMutation({
    mutationFn: (body: Body) =>
      editing
        ? apiFetch<ConnectionDto>(`/api/v1/connections/${connection.id}`, { method: "PATCH", body })
        : apiFetch<ConnectionDto>("/api/v1/connections", { method: "POST", body }),
    onSuccess: (saved) => {
      toast.success(`Saved ${saved.name}`);
      setErrors({});
      onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) {
        const fieldErrors = error.fieldErrors();
        setErrors(fieldErrors);
        // A moved connection asks for its secrets again: open the fields the server named, with its reason.
        const asked = SECRET_FIELDS[kind].filter((field) => fieldErrors[field] !== undefined);
        if (asked.length > 0) setReplacing(new Set([...replacing, ...asked]));
      }
      toast.error(error.message);
    },
  });

  const submit = submitWith((form) => {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body: Body = { kind, name: text("name"), baseUrl: text("baseUrl") };
    if (!editing && text("id")) body.id = text("id");
    for (const field of PLAIN_FIELDS[kind]) if (text(field)) body[field] = text(field);
    for (const field of SECRET_FIELDS[kind]) {
      // Secrets are sent as typed (no trimming: a space may be part of one), and only when entered.
      if (!editing || replacing.has(field)) body[field] = String(form.get(field) ?? "");
    }
    if (tlsMode === "verify") body.tls = { mode: "verify", ...(text("ca") && { ca: text("ca") }) };
    if (tlsMode === "pin") body.tls = { mode: "pin", fingerprint256: text("fingerprint256") };
    if (tlsMode === "insecure") body.tls = { mode: "insecure" };
    const timeouts = {
      ...(text("connectMs") && { connectMs: Number(text("connectMs")) }),
      ...(text("readMs") && { readMs: Number(text("readMs")) }),
    };
    if (Object.keys(timeouts).length > 0) body.timeouts = timeouts;
    save.mutate(body);
  });

  const plain = (field: string) =>
    (settings as Record<string, unknown> | undefined)?.[field] as string | undefined;
  const tls = settings?.tls;

  return (
    <Dialog open={open} title={editing ? `Edit ${connection.name}` : "Add connection"} onClose={onClose}>
      <form className="max-h-[70vh] space-y-3 overflow-y-auto pr-1" onSubmit={submit} noValidate>
        {editing ? (
          <p className="text-sm">
            Kind: <strong>{CONNECTION_KIND_LABELS[kind]}</strong> · id <code>{connection.id}</code>
          </p>
        ) : (
          <SelectField
            label="Kind"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as ConnectionKind)}
            options={CONNECTION_KINDS.map((value) => ({ value, label: CONNECTION_KIND_LABELS[value] }))}
            error={errors.kind}
          />
        )}
        <TextField label="Name" name="name" required defaultValue={connection?.name} error={errors.name} />
        {!editing && (
          <TextField
            label="Id (optional)"
            name="id"
            placeholder="made from the name"
            hint="Lower-case letters, digits and hyphens; used in links. It cannot change later."
            error={errors.id}
          />
        )}
        <TextField
          label="Base URL"
          name="baseUrl"
          required
          defaultValue={settings?.baseUrl}
          placeholder={BASE_URL_EXAMPLES[kind]}
          hint={
            editing
              ? "Changing the address or the TLS settings asks for the secrets again."
              : "https:// unless the appliance has no TLS at all (then TLS must be set to insecure)."
          }
          error={errors.baseUrl}
        />
        {(PLAIN_FIELDS[kind] as readonly string[]).includes("username") && (
          <TextField
            label="User name"
            name="username"
            required
            autoComplete="off"
            defaultValue={plain("username")}
            error={errors.username}
          />
        )}
        {kind === "kalliope" && (
          <TextField
            label="Tenant domain"
            name="domain"
            defaultValue={plain("domain") ?? CONNECTION_DEFAULTS.kalliopeDomain}
            hint='"default" on single-tenant systems'
            error={errors.domain}
          />
        )}
        {needsTimeZone(kind) && (
          <TextField
            label={kind === "kalliope" ? "PBX time zone" : "Appliance time zone"}
            name="timeZone"
            required
            defaultValue={plain("timeZone")}
            placeholder={TIME_ZONE_HINTS[kind]?.example}
            hint={TIME_ZONE_HINTS[kind]?.hint}
            error={errors.timeZone}
          />
        )}
        {kind === "kiwire" && (
          <TextField
            label="Cloud ID"
            name="cloudId"
            required
            defaultValue={plain("cloudId")}
            error={errors.cloudId}
          />
        )}
        {SECRET_FIELDS[kind].map((field) => {
          const label = SECRET_LABELS[field];
          if (editing && !replacing.has(field)) {
            return (
              <div key={field} className="flex items-center justify-between gap-2 text-sm">
                <span>
                  {label} <Badge tone="good">set</Badge>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={`Replace ${label.toLowerCase()}`}
                  onClick={() => setReplacing(new Set([...replacing, field]))}
                >
                  Replace
                </Button>
              </div>
            );
          }
          return (
            <TextField
              key={field}
              label={editing ? `New ${label.toLowerCase()}` : label}
              name={field}
              type="password"
              autoComplete="new-password"
              required
              hint="Stored encrypted; never shown again."
              error={errors[field]}
            />
          );
        })}
        {kind === "kiwire" && (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Kiwire signing options</summary>
            <div className="mt-2 space-y-3">
              <SelectField
                label="Signed time format"
                name="timeFormat"
                defaultValue={plain("timeFormat") ?? CONNECTION_DEFAULTS.kiwireTimeFormat}
                options={KIWIRE_TIME_FORMATS.map((value) => ({ value, label: value }))}
                error={errors.timeFormat}
              />
              <SelectField
                label="API key signing"
                name="signing"
                defaultValue={plain("signing") ?? CONNECTION_DEFAULTS.kiwireSigning}
                options={KIWIRE_SIGNING_MODES.map((value) => ({
                  value,
                  label:
                    value === "md5" ? "md5(key + token + time) (documented)" : "raw key (older appliances)",
                }))}
                error={errors.signing}
              />
            </div>
          </details>
        )}
        <SelectField
          label="TLS"
          name="tlsMode"
          value={tlsMode}
          onChange={(event) => setTlsMode(event.target.value as TlsMode)}
          options={TLS_OPTIONS}
          error={errors.tls}
        />
        {tlsMode === "verify" && (
          <div className="space-y-1">
            <label htmlFor={caId} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
              Custom CA certificate (optional, PEM)
            </label>
            <textarea
              id={caId}
              name="ca"
              rows={3}
              defaultValue={tls?.mode === "verify" ? (tls.ca ?? "") : ""}
              placeholder="-----BEGIN CERTIFICATE-----"
              aria-invalid={errors["tls.ca"] ? true : undefined}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
            />
            {errors["tls.ca"] && (
              <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">
                {errors["tls.ca"]}
              </p>
            )}
          </div>
        )}
        {tlsMode === "pin" && (
          <TextField
            label="SHA-256 fingerprint"
            name="fingerprint256"
            required
            defaultValue={tls?.mode === "pin" ? tls.fingerprint256 : ""}
            placeholder="AB:CD:…"
            hint="Test the connection to see the server's fingerprint, then pin it in one click."
            error={errors["tls.fingerprint256"]}
          />
        )}
        {tlsMode === "insecure" && (
          <p
            role="note"
            className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            No certificate is checked: anyone between the console and the appliance can read the credentials.
            Prefer pinning the appliance's certificate.
          </p>
        )}
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Connect timeout (ms)"
            name="connectMs"
            type="number"
            inputMode="numeric"
            defaultValue={settings?.timeouts.connectMs}
            placeholder={String(CONNECTION_DEFAULTS.connectTimeoutMs)}
            error={errors["timeouts.connectMs"]}
          />
          <TextField
            label="Read timeout (ms)"
            name="readMs"
            type="number"
            inputMode="numeric"
            defaultValue={settings?.timeouts.readMs}
            placeholder={String(CONNECTION_DEFAULTS.readTimeoutMs)}
            error={errors["timeouts.readMs"]}
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : editing ? "Save changes" : "Add connection"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
