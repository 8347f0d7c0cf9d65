"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { CheckedFormDialog, useCheckedForm } from "@/components/ui/checked-form";
import { TextField } from "@/components/ui/field";
import { type CreatedVouchersDto, CreateVouchersSchema } from "@/lib/api/kiwire";
import { callOperation } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { type Validation, validateInput } from "@/lib/client/validate-input";
import { HotspotPlanFields } from "./hotspot-plan-fields";
import { useHotspotPickers } from "./use-hotspot-pickers";

export interface VoucherGenerateProps {
  connectionId: string;
  onClose: () => void;
  onCreated: (created: CreatedVouchersDto) => void;
}

type VoucherBatch = z.output<typeof CreateVouchersSchema>;

/**
 * The batch the form asks for, checked with the schema the server applies. An empty or unreadable quantity is
 * left out, so the person reads the schema's "Enter a number" instead of a zero's "At least 1".
 */
function voucherBatch(data: FormData): Validation<VoucherBatch> {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const quantity = text("quantity");
  return validateInput(CreateVouchersSchema, {
    prefix: text("prefix"),
    ...(quantity && { quantity: Number(quantity) }),
    profile: text("profile"),
    zone: text("zone"),
    remark: text("remark"),
    ...(text("expiry") && { expiry: text("expiry") }),
  });
}

/** Kiwire creates a batch in one call, so progress is the wait for that call, with the count it will make. */
export function VoucherGenerate({ connectionId, onClose, onCreated }: VoucherGenerateProps) {
  const t = useTranslations("kiwire");
  const queryClient = useQueryClient();
  const { profiles } = useHotspotPickers(connectionId);
  const form = useCheckedForm({
    check: voucherBatch,
    send: (body: VoucherBatch) => callOperation("createVouchers", { params: { connectionId }, body }),
    onSent: (created) => {
      void queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) });
      onCreated(created);
    },
  });
  const { mutation } = form;
  return (
    <CheckedFormDialog
      title={t("generate.title")}
      onClose={onClose}
      form={form}
      submitLabel={t("generate.submit")}
      disabled={profiles.isPending}
    >
      <TextField label={t("generate.prefix")} name="prefix" defaultValue="" maxLength={16} />
      <TextField
        label={t("generate.quantity")}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        defaultValue={10}
        required
        hint={t("generate.quantityHint", { max: 1000 })}
      />
      <HotspotPlanFields connectionId={connectionId} />
      <TextField label={t("generate.expiryDate")} name="expiry" type="date" hint={t("generate.expiryHint")} />
      <TextField label={t("generate.remark")} name="remark" maxLength={255} />
      {mutation.isPending && (
        <div role="status" className="text-sm">
          <progress className="w-full" aria-label={t("generate.progress")} />
          {t("generate.generating", { count: mutation.variables.quantity })}
        </div>
      )}
    </CheckedFormDialog>
  );
}
