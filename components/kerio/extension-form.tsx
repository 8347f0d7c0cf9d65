"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import type { ExtensionDto, ExtensionWriteResultDto, OwnerDto } from "@/lib/api/kerio-extensions";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { extensionKeys } from "@/lib/client/query-keys";
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

/** Create or edit one extension; a new SIP password is shown once, with a copy button, then forgotten. */
export function ExtensionForm({ connectionId, extension, onClose }: ExtensionFormProps) {
  const queryClient = useQueryClient();
  const base = `/api/v1/kerio/${encodeURIComponent(connectionId)}/extensions`;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<ExtensionWriteResultDto | null>(null);
  const next = useQuery({
    queryKey: extensionKeys.nextNumber(connectionId),
    queryFn: ({ signal }) => apiFetch<{ number: string }>(`${base}/next-number`, { signal }),
    enabled: !extension,
    staleTime: 0,
  });
  const owners = useQuery({
    queryKey: extensionKeys.owners(connectionId),
    queryFn: ({ signal }) => apiFetch<{ items: OwnerDto[] }>(`${base}/owners`, { signal }),
    staleTime: 60_000,
  });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      extension
        ? apiFetch<ExtensionWriteResultDto>(`${base}/${extension.number}`, { method: "PATCH", body })
        : apiFetch<ExtensionWriteResultDto>(base, { method: "POST", body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: extensionKeys.connection(connectionId) });
      if (result.sipPassword) setIssued(result);
      else onClose();
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) {
        const fields = error.fieldErrors();
        setErrors(fields);
        setFormError(Object.keys(fields).length > 0 ? null : error.message);
      } else setFormError(error.message);
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
    <Dialog open title={title} onClose={onClose}>
      <form
        aria-label={title}
        className="space-y-3"
        onSubmit={submitWith((data) => {
          const text = (name: string) => String(data.get(name) ?? "").trim();
          const owner = text("ownerGuid");
          const body: Record<string, unknown> = {
            description: text("description"),
            callPermission: Number(text("callPermission")),
            ownerGuid: owner ? Number(owner) : null,
          };
          if (!extension) {
            body.number = text("number");
            for (const flag of CREATE_FLAGS) body[flag.name] = data.get(flag.name) === "on";
          }
          const sip = text("sipUsername");
          if (sip && sip !== (extension?.sipUsername ?? "")) body.sipUsername = sip;
          if (data.get("regenerate") === "on") body.regenerateSipPassword = true;
          setErrors({});
          setFormError(null);
          save.mutate(body);
        })}
      >
        {!extension && (
          <TextField
            label="Number"
            name="number"
            required
            inputMode="numeric"
            key={next.data?.number ?? "pending"}
            defaultValue={next.data?.number ?? ""}
            hint={
              next.isPending ? "Asking the PBX for the next free number…" : "The next free number on the PBX"
            }
            error={errors.number}
          />
        )}
        <TextField
          label="Description"
          name="description"
          defaultValue={extension?.description ?? ""}
          error={errors.description}
        />
        {!extension?.multiRegistration && (
          <TextField
            label="SIP user name"
            name="sipUsername"
            defaultValue={extension?.sipUsername ?? ""}
            hint={extension ? undefined : "Leave empty to use the number"}
            error={errors.sipUsername}
          />
        )}
        <SelectField
          label="Call permission"
          name="callPermission"
          defaultValue={String(extension?.callPermission ?? 1)}
          options={PERMISSION_OPTIONS}
          error={errors.callPermission}
        />
        <SelectField
          label="Owner"
          name="ownerGuid"
          key={owners.data ? "owners" : "loading"}
          defaultValue={extension?.owner ? String(extension.owner.guid) : ""}
          options={ownerOptions}
          error={errors.ownerGuid}
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
        {formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending || (!extension && next.isPending)}>
            {save.isPending ? "Saving…" : extension ? "Save" : "Create extension"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
