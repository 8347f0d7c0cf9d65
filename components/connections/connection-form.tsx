"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { z } from "zod";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type ConnectionDto, CreateConnectionSchema, UpdateConnectionSchema } from "@/lib/api/connections";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, type Validation, validateInput } from "@/lib/client/validate-input";
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
import { CODE_PLACEHOLDER, type VoucherQrContent } from "@/lib/voucher-qr";

export interface ConnectionFormProps {
  /** null: a new connection. */
  connection: ConnectionDto | null;
  onClose: () => void;
  onSaved: (connection: ConnectionDto) => void;
}

type ConnectionWrite =
  | { kind: "create"; body: z.input<typeof CreateConnectionSchema> }
  | { kind: "update"; id: string; body: z.input<typeof UpdateConnectionSchema> };

/** What the person filled in: plain fields trimmed, secrets as typed (a space may be part of one). */
interface FormValues {
  kind: ConnectionKind;
  tlsMode: TlsMode;
  /** Kiwire: what printed vouchers' QR codes hold. */
  qrContent: VoucherQrContent;
  text: (name: string) => string;
  secret: (name: SecretField) => string;
}

/**
 * The body the form sends, checked with the schema the server applies: a bad field is named at once, in the
 * server's words. An edit sends every field but the secrets, which go only when the person replaces them.
 */
function connectionWrite(
  values: FormValues,
  connection: ConnectionDto | null,
  replacing: ReadonlySet<SecretField>,
): Validation<ConnectionWrite> {
  const { kind, tlsMode, qrContent, text, secret } = values;
  const body: Record<string, unknown> = { kind, name: text("name"), baseUrl: text("baseUrl") };
  if (!connection && text("id")) body.id = text("id");
  for (const field of PLAIN_FIELDS[kind]) if (text(field)) body[field] = text(field);
  for (const field of SECRET_FIELDS[kind]) {
    if (!connection || replacing.has(field)) body[field] = secret(field);
  }
  if (kind === "kiwire") {
    body.voucherQr =
      qrContent === "code"
        ? { content: "code" }
        : { content: "portal-url", template: text("voucherQrTemplate") };
  }
  if (tlsMode === "verify") body.tls = { mode: "verify", ...(text("ca") && { ca: text("ca") }) };
  if (tlsMode === "pin") body.tls = { mode: "pin", fingerprint256: text("fingerprint256") };
  if (tlsMode === "insecure") body.tls = { mode: "insecure" };
  const timeouts = {
    ...(text("connectMs") && { connectMs: Number(text("connectMs")) }),
    ...(text("readMs") && { readMs: Number(text("readMs")) }),
  };
  if (Object.keys(timeouts).length > 0) body.timeouts = timeouts;
  if (text("parallelRequests")) body.parallelRequests = Number(text("parallelRequests"));
  // What the schema made of the body is sent: the server's own parse of it gives the same values.
  if (connection) {
    const checked = validateInput(UpdateConnectionSchema, body);
    return checked.ok
      ? { ok: true, data: { kind: "update", id: connection.id, body: checked.data } }
      : checked;
  }
  const checked = validateInput(CreateConnectionSchema, body);
  return checked.ok ? { ok: true, data: { kind: "create", body: checked.data } } : checked;
}

/** A zone of the kind's region as the placeholder, and why the appliance's own zone matters to it. */
const TIME_ZONE_HINTS = {
  kiwire: { example: "Asia/Kuala_Lumpur", hint: "form.kiwireTimeZoneHint" },
  kalliope: { example: "Europe/Rome", hint: "form.kalliopeTimeZoneHint" },
} as const satisfies Partial<Record<ConnectionKind, { example: string; hint: string }>>;

function timeZoneHint(kind: ConnectionKind) {
  return kind === "kiwire" || kind === "kalliope" ? TIME_ZONE_HINTS[kind] : undefined;
}

/** A connection saved before the zone was required: the form says so before anyone presses Save. */
function initialErrors(connection: ConnectionDto | null, missing: string): Record<string, string> {
  if (!connection?.settings || !needsTimeZone(connection.kind) || connection.settings.timeZone) return {};
  return { timeZone: missing };
}

/** Create or edit a connection. Secrets are write-only: an existing one shows as "set" with Replace. */
export function ConnectionForm({ connection, onClose, onSaved }: ConnectionFormProps) {
  const t = useTranslations("connections");
  const editing = connection !== null;
  const settings = connection?.settings;
  const [kind, setKind] = useState<ConnectionKind>(connection?.kind ?? "kerio-operator");
  const [tlsMode, setTlsMode] = useState<TlsMode>(settings?.tls.mode ?? "verify");
  const [qrContent, setQrContent] = useState<VoucherQrContent>(settings?.voucherQr?.content ?? "code");
  const [replacing, setReplacing] = useState<ReadonlySet<SecretField>>(new Set());
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const [shownInitialErrors, setShownInitialErrors] = useState(false);
  if (!shownInitialErrors) {
    setShownInitialErrors(true);
    setErrors(initialErrors(connection, t("form.timeZoneMissing", { zone: LEGACY_TIME_ZONE })));
  }
  const caId = useId();
  const tlsOptions = useMemo(
    () => [
      { value: "verify", label: t("form.tlsVerify") },
      { value: "pin", label: t("form.tlsPin") },
      { value: "insecure", label: t("form.tlsInsecure") },
    ],
    [t],
  );

  const save = useMutation({
    mutationFn: (write: ConnectionWrite) =>
      write.kind === "update"
        ? callOperation("updateConnection", { params: { id: write.id }, body: write.body })
        : callOperation("createConnection", { body: write.body }),
    // The secrets are in the mutation's variables: dropped with the dialog, not kept in the mutation cache.
    gcTime: 0,
    onSuccess: (saved) => {
      toast.success(t("form.saved", { name: saved.name }));
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
    const write = connectionWrite(
      {
        kind,
        tlsMode,
        qrContent,
        text: (name) => String(form.get(name) ?? "").trim(),
        secret: (name) => String(form.get(name) ?? ""),
      },
      connection,
      replacing,
    );
    if (!write.ok) {
      setErrors(write.fieldErrors);
      return;
    }
    setErrors({});
    save.mutate(write.data);
  });

  const plain = (field: string) =>
    (settings as Record<string, unknown> | undefined)?.[field] as string | undefined;
  const tls = settings?.tls;
  const title = editing ? t("form.editTitle", { name: connection.name }) : t("form.addTitle");
  const zoneHint = timeZoneHint(kind);

  return (
    <Dialog open title={title} onClose={onClose} guardTypedInput>
      <form
        ref={formRef}
        aria-label={title}
        className="max-h-[70vh] space-y-3 overflow-y-auto pr-1"
        onSubmit={submit}
        noValidate
      >
        {editing ? (
          <p className="text-sm">
            {messageParts(t("form.kindAndId"), {
              kind: <strong>{CONNECTION_KIND_LABELS[kind]}</strong>, // literal: names of the parts, no text
              id: <code>{connection.id}</code>,
            })}
          </p>
        ) : (
          <SelectField
            label={t("form.kind")}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as ConnectionKind)}
            options={CONNECTION_KINDS.map((value) => ({ value, label: CONNECTION_KIND_LABELS[value] }))}
            error={errors.kind}
          />
        )}
        <TextField
          label={t("form.name")}
          name="name"
          required
          defaultValue={connection?.name}
          error={errors.name}
        />
        {!editing && (
          <TextField
            label={t("form.id")}
            name="id"
            placeholder={t("form.idPlaceholder")}
            hint={t("form.idHint")}
            error={errors.id}
          />
        )}
        <TextField
          label={t("form.baseUrl")}
          name="baseUrl"
          required
          defaultValue={settings?.baseUrl}
          placeholder={BASE_URL_EXAMPLES[kind]}
          hint={editing ? t("form.baseUrlEditHint") : t("form.baseUrlHint")}
          error={errors.baseUrl}
        />
        {(PLAIN_FIELDS[kind] as readonly string[]).includes("username") && (
          <TextField
            label={t("form.username")}
            name="username"
            required
            autoComplete="off"
            defaultValue={plain("username")}
            error={errors.username}
          />
        )}
        {kind === "kalliope" && (
          <TextField
            label={t("form.domain")}
            name="domain"
            defaultValue={plain("domain") ?? CONNECTION_DEFAULTS.kalliopeDomain}
            hint={t("form.domainHint")}
            error={errors.domain}
          />
        )}
        {needsTimeZone(kind) && (
          <TextField
            label={kind === "kalliope" ? t("form.pbxTimeZone") : t("form.applianceTimeZone")}
            name="timeZone"
            required
            defaultValue={plain("timeZone")}
            placeholder={zoneHint?.example}
            hint={zoneHint && t(zoneHint.hint, { example: zoneHint.example })}
            error={errors.timeZone}
          />
        )}
        {kind === "kiwire" && (
          <TextField
            label={t("form.cloudId")}
            name="cloudId"
            required
            defaultValue={plain("cloudId")}
            error={errors.cloudId}
          />
        )}
        {SECRET_FIELDS[kind].map((field) => {
          if (editing && !replacing.has(field)) {
            return (
              <div key={field} className="flex items-center justify-between gap-2 text-sm">
                <span>
                  {t(`secrets.${field}.label`)} <Badge tone="good">{t("form.secretSet")}</Badge>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={t(`secrets.${field}.replace`)}
                  onClick={() => setReplacing(new Set([...replacing, field]))}
                >
                  {t("form.replace")}
                </Button>
              </div>
            );
          }
          return (
            <TextField
              key={field}
              label={editing ? t(`secrets.${field}.new`) : t(`secrets.${field}.label`)}
              name={field}
              type="password"
              autoComplete="new-password"
              required
              hint={t("form.secretHint")}
              error={errors[field]}
            />
          );
        })}
        {kind === "kiwire" && (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t("form.kiwireSigning")}</summary>
            <div className="mt-2 space-y-3">
              <SelectField
                label={t("form.timeFormat")}
                name="timeFormat"
                defaultValue={plain("timeFormat") ?? CONNECTION_DEFAULTS.kiwireTimeFormat}
                options={KIWIRE_TIME_FORMATS.map((value) => ({ value, label: value }))}
                error={errors.timeFormat}
              />
              <SelectField
                label={t("form.signing")}
                name="signing"
                defaultValue={plain("signing") ?? CONNECTION_DEFAULTS.kiwireSigning}
                options={KIWIRE_SIGNING_MODES.map((value) => ({
                  value,
                  label: value === "md5" ? t("form.signingMd5") : t("form.signingRaw"),
                }))}
                error={errors.signing}
              />
            </div>
          </details>
        )}
        {kind === "kiwire" && (
          <>
            <SelectField
              label={t("form.voucherQr")}
              name="voucherQrContent"
              value={qrContent}
              onChange={(event) => setQrContent(event.target.value as VoucherQrContent)}
              options={[
                { value: "code", label: t("form.voucherQrCode") },
                { value: "portal-url", label: t("form.voucherQrPortal") },
              ]}
              error={errors["voucherQr.content"]}
            />
            {qrContent === "portal-url" && (
              <TextField
                label={t("form.portalTemplate")}
                name="voucherQrTemplate"
                required
                defaultValue={
                  settings?.voucherQr?.content === "portal-url" ? settings.voucherQr.template : undefined
                }
                placeholder={`https://portal.example.com/login?voucher=${CODE_PLACEHOLDER}`}
                hint={t("form.portalTemplateHint", { code: CODE_PLACEHOLDER })}
                error={errors["voucherQr.template"]}
              />
            )}
          </>
        )}
        <SelectField
          label={t("form.tls")}
          name="tlsMode"
          value={tlsMode}
          onChange={(event) => setTlsMode(event.target.value as TlsMode)}
          options={tlsOptions}
          error={errors.tls}
        />
        {tlsMode === "verify" && (
          <div className="space-y-1">
            <label htmlFor={caId} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
              {t("form.ca")}
            </label>
            <textarea
              id={caId}
              name="ca"
              rows={3}
              defaultValue={tls?.mode === "verify" ? (tls.ca ?? "") : ""}
              placeholder="-----BEGIN CERTIFICATE-----" // literal: PEM's own first line
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
            label={t("form.fingerprint")}
            name="fingerprint256"
            required
            defaultValue={tls?.mode === "pin" ? tls.fingerprint256 : ""}
            placeholder="AB:CD:…" // literal: the notation of a fingerprint
            hint={t("form.fingerprintHint")}
            error={errors["tls.fingerprint256"]}
          />
        )}
        {tlsMode === "insecure" && (
          <p
            role="note"
            className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {t("form.insecureNote")}
          </p>
        )}
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t("form.connectTimeout")}
            name="connectMs"
            type="number"
            inputMode="numeric"
            defaultValue={settings?.timeouts.connectMs}
            placeholder={String(CONNECTION_DEFAULTS.connectTimeoutMs)}
            error={errors["timeouts.connectMs"]}
          />
          <TextField
            label={t("form.readTimeout")}
            name="readMs"
            type="number"
            inputMode="numeric"
            defaultValue={settings?.timeouts.readMs}
            placeholder={String(CONNECTION_DEFAULTS.readTimeoutMs)}
            error={errors["timeouts.readMs"]}
          />
        </div>
        <TextField
          label={t("form.parallelRequests")}
          name="parallelRequests"
          type="number"
          inputMode="numeric"
          defaultValue={settings?.parallelRequests}
          placeholder={String(CONNECTION_DEFAULTS.parallelRequests)}
          hint={t("form.parallelRequestsHint")}
          error={errors.parallelRequests}
        />
        <div className="flex justify-end gap-2">
          <DialogCancelButton />
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("form.saving") : editing ? t("form.saveChanges") : t("form.add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
