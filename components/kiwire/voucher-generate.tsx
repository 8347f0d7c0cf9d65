"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { type CreatedVouchersDto, CreateVouchersSchema } from "@/lib/api/kiwire";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { useFieldErrors, type Validation, validateInput } from "@/lib/client/validate-input";
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
  const queryClient = useQueryClient();
  const { profiles, zones } = useHotspotPickers(connectionId);
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: VoucherBatch) => callOperation("createVouchers", { params: { connectionId }, body }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) });
      onCreated(created);
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
    <Dialog open title="Generate vouchers" onClose={onClose} guardTypedInput>
      <form
        ref={formRef}
        aria-label="Generate vouchers"
        className="grid gap-3"
        noValidate
        onSubmit={submitWith((data) => {
          setFormError(null);
          const batch = voucherBatch(data);
          if (!batch.ok) {
            setErrors(batch.fieldErrors);
            return;
          }
          setErrors({});
          create.mutate(batch.data);
        })}
      >
        <TextField label="Prefix" name="prefix" defaultValue="" maxLength={16} error={errors.prefix} />
        <TextField
          label="Quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          defaultValue={10}
          required
          hint="Up to 1,000 per batch"
          error={errors.quantity}
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
        <TextField
          label="Expiry date"
          name="expiry"
          type="date"
          hint="Kiwire's default: tomorrow"
          error={errors.expiry}
        />
        <TextField label="Remark" name="remark" maxLength={255} error={errors.remark} />
        {create.isPending && (
          <div role="status" className="text-sm">
            <progress className="w-full" aria-label="Generating" />
            Generating {create.variables.quantity.toLocaleString("en")} vouchers on Kiwire…
          </div>
        )}
        {formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogCancelButton />
          <Button type="submit" disabled={create.isPending || profiles.isPending}>
            Generate
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
