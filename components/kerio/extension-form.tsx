"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
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
import { callOperation } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import { type Validation, validateInput } from "@/lib/client/validate-input";
import { CALL_PERMISSION_LABELS } from "@/lib/kerio-extensions-vocabulary";

export interface ExtensionFormProps {
  connectionId: string;
  /** Absent: create. */
  extension?: ExtensionDto;
  onClose: () => void;
}

const PERMISSION_OPTIONS = Object.entries(CALL_PERMISSION_LABELS).map(([value, label]) => ({
  value,
  label: `${value} · ${label}`,
}));

/**
 * Settings Kerio Operator takes on create (some builds insist on them, notes §4.2), shown so the person sees
 * what is sent: off unless ticked.
 */
const CREATE_FLAGS = [
  { name: "natSupport", label: "The phone is behind NAT" },
  { name: "recordInbound", label: "Record incoming calls" },
  { name: "recordOutbound", label: "Record outgoing calls" },
] as const;

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
  const flags = Object.fromEntries(CREATE_FLAGS.map((flag) => [flag.name, data.get(flag.name) === "on"]));
  const body = { ...common, ...flags, number: text("number") };
  const checked = validateInput(CreateExtensionSchema, body);
  return checked.ok ? { ok: true, data: { kind: "create", body } } : checked;
}

/** Create or edit one extension; a new SIP password is shown once, with a copy button, then forgotten. */
export function ExtensionForm({ connectionId, extension, onClose }: ExtensionFormProps) {
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
      void queryClient.invalidateQueries({ queryKey: extensionQueries.connection(connectionId) });
      if (result.sipPassword) setIssued(result);
      else onClose();
    },
  });

  const title = extension ? `Edit extension ${extension.number}` : "New extension";
  if (issued) {
    return (
      <Dialog open title={title} onClose={onClose}>
        <p className="text-sm">
          Extension <strong>{issued.extension.number}</strong> is saved. Its SIP password is shown only now:
          copy it into the phone.
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
            Copy
          </Button>
        </div>
        <div className="flex justify-end">
          <Button onClick={onClose}>Done</Button>
        </div>
      </Dialog>
    );
  }

  const ownerOptions = [
    { value: "", label: "No owner" },
    ...(owners.data?.items ?? []).map((owner) => ({
      value: String(owner.guid),
      label: `${owner.fullName || owner.username} (${owner.username})`,
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
      submitLabel={extension ? "Save" : "Create extension"}
      pendingLabel="Saving…"
      disabled={!extension && next.isPending}
    >
      {!extension && (
        <TextField
          label="Number"
          name="number"
          required
          inputMode="numeric"
          // The suggestion fills the field until the person types: a late answer never replaces their number.
          value={typedNumber ?? next.data?.number ?? ""}
          onChange={(event) => setTypedNumber(event.target.value)}
          hint={
            next.isPending ? "Asking the PBX for the next free number…" : "The next free number on the PBX"
          }
        />
      )}
      <TextField label="Description" name="description" defaultValue={extension?.description ?? ""} />
      {!extension?.multiRegistration && (
        <TextField
          label="SIP user name"
          name="sipUsername"
          defaultValue={extension?.sipUsername ?? ""}
          hint={extension ? undefined : "Leave empty to use the number"}
        />
      )}
      <SelectField
        label="Call permission"
        name="callPermission"
        defaultValue={String(extension?.callPermission ?? 1)}
        options={PERMISSION_OPTIONS}
      />
      <SelectField
        label="Owner"
        name="ownerGuid"
        key={owners.data ? "owners" : "loading"}
        defaultValue={extension?.owner ? String(extension.owner.guid) : ""}
        options={ownerOptions}
      />
      {!extension && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Phone settings</legend>
          {CREATE_FLAGS.map((flag) => (
            <label key={flag.name} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={flag.name} /> {flag.label}
            </label>
          ))}
        </fieldset>
      )}
      {extension && !extension.multiRegistration && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="regenerate" /> Regenerate the SIP password
        </label>
      )}
    </CheckedFormDialog>
  );
}
