"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { CheckedFormFooter, useCheckedForm } from "@/components/ui/checked-form";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { CreateHotspotUserSchema } from "@/lib/api/kiwire";
import { callOperation } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { type Validation, validateInput } from "@/lib/client/validate-input";
import { HotspotPlanFields } from "./hotspot-plan-fields";

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
  const form = useCheckedForm({
    check: newHotspotUser,
    send: (body: NewHotspotUser) => callOperation("createHotspotUser", { params: { connectionId }, body }),
    onSent: () => {
      void queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) });
      onClose();
    },
  });
  const { errors } = form;
  return (
    <Dialog open title="New hotspot user" onClose={onClose} guardTypedInput>
      <form
        ref={form.formRef}
        aria-label="New hotspot user"
        className="grid gap-3"
        noValidate
        onSubmit={form.onSubmit}
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
        <HotspotPlanFields connectionId={connectionId} errors={errors} />
        <TextField label="Full name" name="fullName" error={errors.fullName} />
        <TextField label="E-mail" name="email" type="email" error={errors.email} />
        <TextField label="Expiry date" name="expiry" type="date" error={errors.expiry} />
        <TextField label="MAC binding" name="mac" placeholder="AA:BB:CC:DD:EE:FF" error={errors.mac} />
        <CheckedFormFooter
          formError={form.formError}
          submitLabel="Create user"
          pending={form.mutation.isPending}
        />
      </form>
    </Dialog>
  );
}
