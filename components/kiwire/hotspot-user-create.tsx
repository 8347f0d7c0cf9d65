"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { CreateHotspotUserSchema } from "@/lib/api/kiwire";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { useFieldErrors, type Validation, validateInput } from "@/lib/client/validate-input";
import { useHotspotPickers } from "./use-hotspot-pickers";

export interface HotspotUserCreateProps {
  connectionId: string;
  onClose: () => void;
}

type NewHotspotUser = z.output<typeof CreateHotspotUserSchema>;

/** The account the form asks for, checked with the schema the server applies; the password is sent as typed. */
function newHotspotUser(data: FormData): Validation<NewHotspotUser> {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  return validateInput(CreateHotspotUserSchema, {
    username: text("username"),
    password: String(data.get("password") ?? ""),
    profile: text("profile"),
    fullName: text("fullName"),
    email: text("email"),
    zone: text("zone"),
    mac: text("mac"),
    ...(text("expiry") && { expiry: text("expiry") }),
  });
}

export function HotspotUserCreate({ connectionId, onClose }: HotspotUserCreateProps) {
  const queryClient = useQueryClient();
  const { profiles, zones } = useHotspotPickers(connectionId);
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: NewHotspotUser) =>
      callOperation("createHotspotUser", { params: { connectionId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) {
        const fields = error.fieldErrors();
        setErrors(fields);
        setFormError(Object.keys(fields).length > 0 ? null : error.message);
      } else setFormError(error.message);
    },
  });
  return (
    <Dialog open title="New hotspot user" onClose={onClose} guardTypedInput>
      <form
        ref={formRef}
        aria-label="New hotspot user"
        className="grid gap-3"
        noValidate
        onSubmit={submitWith((data) => {
          setFormError(null);
          const user = newHotspotUser(data);
          if (!user.ok) {
            setErrors(user.fieldErrors);
            return;
          }
          setErrors({});
          create.mutate(user.data);
        })}
      >
        <TextField label="User name" name="username" required error={errors.username} />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          autoComplete="new-password"
          error={errors.password}
        />
        <SelectField
          label="Profile"
          name="profile"
          required
          error={errors.profile}
          options={(profiles.data?.items ?? []).map((p) => ({
            value: p.name,
            label: `${p.name} (${p.type})`,
          }))}
        />
        <SelectField
          label="Zone"
          name="zone"
          error={errors.zone}
          options={[{ value: "", label: "Any zone" }, ...zones.map((z) => ({ value: z, label: z }))]}
        />
        <TextField label="Full name" name="fullName" error={errors.fullName} />
        <TextField label="E-mail" name="email" type="email" error={errors.email} />
        <TextField label="Expiry date" name="expiry" type="date" error={errors.expiry} />
        <TextField label="MAC binding" name="mac" placeholder="AA:BB:CC:DD:EE:FF" error={errors.mac} />
        {formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogCancelButton />
          <Button type="submit" disabled={create.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
