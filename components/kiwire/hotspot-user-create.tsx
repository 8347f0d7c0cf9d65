"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { CheckedFormDialog, NewPasswordField, useCheckedForm } from "@/components/ui/checked-form";
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
  return (
    <CheckedFormDialog title="New hotspot user" onClose={onClose} form={form} submitLabel="Create user">
      <TextField label="User name" name="username" required />
      <NewPasswordField label="Password" />
      <HotspotPlanFields connectionId={connectionId} />
      <TextField label="Full name" name="fullName" />
      <TextField label="E-mail" name="email" type="email" />
      <TextField label="Expiry date" name="expiry" type="date" />
      <TextField label="MAC binding" name="mac" placeholder="AA:BB:CC:DD:EE:FF" />
    </CheckedFormDialog>
  );
}
