"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { z } from "zod";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Button } from "@/components/ui/button";
import { CheckedFormDialog, useCheckedForm } from "@/components/ui/checked-form";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import {
  CreateExtensionSchema,
  type ExtensionDto,
  type ExtensionWriteResultDto,
  UpdateExtensionSchema,
} from "@/lib/api/kerio-extensions";
import { replaceCachedItem } from "@/lib/client/cached-items";
import { callOperation } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import { type Validation, validateInput } from "@/lib/client/validate-input";
import { CALL_PERMISSION_LEVELS } from "@/lib/kerio-extensions-vocabulary";

export interface ExtensionFormProps {
  connectionId: string;
  /** Absent: create. */
  extension?: ExtensionDto;
  onClose: () => void;
}

/**
 * Settings Kerio Operator takes on create (some builds insist on them, notes §4.2), shown so the person sees
 * what is sent: off unless ticked.
 */
const CREATE_FLAGS = ["natSupport", "recordInbound", "recordOutbound"] as const;

type ExtensionWrite =
  | { kind: "create"; body: z.input<typeof CreateExtensionSchema> }
  | { kind: "update"; number: string; body: z.input<typeof UpdateExtensionSchema> };

/**
 * The write the form asks for, checked with the same schema the server applies: a bad field is shown at once,
 * in the server's words, without a round trip.
 */
function extensionWrite(data: FormData, extension: ExtensionDto | undefined): Validation<ExtensionWrite> {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const owner = text("ownerGuid");
  const sip = text("sipUsername");
  const common = {
    description: text("description"),
    callPermission: Number(text("callPermission")),
    ownerGuid: owner ? Number(owner) : null,
    ...(sip && sip !== (extension?.sipUsername ?? "") && { sipUsername: sip }),
  };
  if (extension) {
    const body = { ...common, ...(data.get("regenerate") === "on" && { regenerateSipPassword: true }) };
    const checked = validateInput(UpdateExtensionSchema, body);
    return checked.ok ? { ok: true, data: { kind: "update", number: extension.number, body } } : checked;
  }
  const flags = Object.fromEntries(CREATE_FLAGS.map((flag) => [flag, data.get(flag) === "on"]));
  const body = { ...common, ...flags, number: text("number") };
  const checked = validateInput(CreateExtensionSchema, body);
  return checked.ok ? { ok: true, data: { kind: "create", body } } : checked;
}

/** Create or edit one extension; a new SIP password is shown once, with a copy button, then forgotten. */
export function ExtensionForm({ connectionId, extension, onClose }: ExtensionFormProps) {
  const t = useTranslations("kerio");
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<ExtensionWriteResultDto | null>(null);
  const [typedNumber, setTypedNumber] = useState<string | null>(null);
  const next = useQuery({ ...extensionQueries.nextNumber(connectionId), enabled: !extension, staleTime: 0 });
  const owners = useQuery({ ...extensionQueries.owners(connectionId), staleTime: 60_000 });
  const form = useCheckedForm({
    check: (data) => extensionWrite(data, extension),
    send: (write: ExtensionWrite) =>
      write.kind === "update"
        ? callOperation("updateExtension", {
            params: { connectionId, number: write.number },
            body: write.body,
          })
        : callOperation("createExtension", { params: { connectionId }, body: write.body }),
    onSent: (result) => {
      replaceCachedItem(
        queryClient,
        extensionQueries.lists(connectionId),
        result.extension,
        (row) => row.number,
      );
      void queryClient.invalidateQueries({ queryKey: extensionQueries.connection(connectionId) });
      if (result.sipPassword) setIssued(result);
      else onClose();
    },
  });

  const permissionOptions = useMemo(
    () =>
      Object.entries(CALL_PERMISSION_LEVELS).map(([level, name]) => ({
        value: level,
        label: t("extensionForm.permissionOption", {
          level,
          label: t(`extensions.callPermissions.${name}`),
        }),
      })),
    [t],
  );
  const title = extension
    ? t("extensionForm.editTitle", { number: extension.number })
    : t("extensionForm.newTitle");
  if (issued) {
    return (
      <Dialog open title={title} onClose={onClose}>
        <p className="text-sm">
          {messageParts(t("extensionForm.issued"), { number: <strong>{issued.extension.number}</strong> })}
        </p>
        <div className="flex items-center gap-2">
          <code
            data-testid="sip-password"
            className="rounded bg-slate-100 px-2 py-1 font-mono dark:bg-slate-800"
          >
            {issued.sipPassword}
          </code>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void navigator.clipboard?.writeText(issued.sipPassword ?? "")}
          >
            {t("extensionForm.copy")}
          </Button>
        </div>
        <div className="flex justify-end">
          <Button onClick={onClose}>{t("extensionForm.done")}</Button>
        </div>
      </Dialog>
    );
  }

  const ownerOptions = [
    { value: "", label: t("extensionForm.noOwner") },
    ...(owners.data?.items ?? []).map((owner) => ({
      value: String(owner.guid),
      label: `${owner.fullName || owner.username} (${owner.username})`, // literal: a name and a login
    })),
    ...(extension?.owner && !owners.data?.items.some((o) => o.guid === extension.owner?.guid)
      ? [{ value: String(extension.owner.guid), label: extension.owner.fullName }]
      : []),
  ];

  return (
    <CheckedFormDialog
      title={title}
      onClose={onClose}
      form={form}
      submitLabel={extension ? t("extensionForm.save") : t("extensionForm.create")}
      pendingLabel={t("extensionForm.saving")}
      disabled={!extension && next.isPending}
    >
      {!extension && (
        <TextField
          label={t("extensionForm.number")}
          name="number"
          required
          inputMode="numeric"
          // The suggestion fills the field until the person types: a late answer never replaces their number.
          value={typedNumber ?? next.data?.number ?? ""}
          onChange={(event) => setTypedNumber(event.target.value)}
          hint={next.isPending ? t("extensionForm.nextNumberPending") : t("extensionForm.nextNumber")}
        />
      )}
      <TextField
        label={t("extensionForm.description")}
        name="description"
        defaultValue={extension?.description ?? ""}
      />
      {!extension?.multiRegistration && (
        <TextField
          label={t("extensionForm.sipUsername")}
          name="sipUsername"
          defaultValue={extension?.sipUsername ?? ""}
          hint={extension ? undefined : t("extensionForm.sipUsernameHint")}
        />
      )}
      <SelectField
        label={t("extensionForm.callPermission")}
        name="callPermission"
        defaultValue={String(extension?.callPermission ?? 1)}
        options={permissionOptions}
      />
      <SelectField
        label={t("extensionForm.owner")}
        name="ownerGuid"
        key={owners.data ? "owners" : "loading"}
        defaultValue={extension?.owner ? String(extension.owner.guid) : ""}
        options={ownerOptions}
      />
      {!extension && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("extensionForm.phoneSettings")}</legend>
          {CREATE_FLAGS.map((flag) => (
            <label key={flag} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={flag} /> {t(`extensionForm.${flag}`)}
            </label>
          ))}
        </fieldset>
      )}
      {extension && !extension.multiRegistration && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="regenerate" /> {t("extensionForm.regenerate")}
        </label>
      )}
    </CheckedFormDialog>
  );
}
