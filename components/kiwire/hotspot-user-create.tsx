"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { useTranslations } from "@/components/i18n/i18n-provider";
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
  const t = useTranslations("kiwire");
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
    <CheckedFormDialog
      title={t("userCreate.title")}
      onClose={onClose}
      form={form}
      submitLabel={t("userCreate.submit")}
    >
      <TextField label={t("fields.userName")} name="username" required />
      <NewPasswordField label={t("fields.password")} />
      <HotspotPlanFields connectionId={connectionId} />
      <TextField label={t("fields.fullName")} name="fullName" />
      <TextField label={t("fields.email")} name="email" type="email" />
      <TextField label={t("fields.expiryDate")} name="expiry" type="date" />
      <TextField
        label={t("fields.macBinding")}
        name="mac"
        placeholder="AA:BB:CC:DD:EE:FF" // literal: the format of a MAC, the same in every language
      />
    </CheckedFormDialog>
  );
}
