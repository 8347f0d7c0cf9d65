"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import type { CreatedVouchersDto, HotspotProfileDto, NasDto } from "@/lib/api/kiwire";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireKeys } from "@/lib/client/query-keys";

export interface VoucherGenerateProps {
  connectionId: string;
  onClose: () => void;
  onCreated: (created: CreatedVouchersDto) => void;
}

export function useKiwirePickers(connectionId: string) {
  const base = `/api/v1/kiwire/${encodeURIComponent(connectionId)}`;
  const profiles = useQuery({
    queryKey: kiwireKeys.profiles(connectionId),
    queryFn: ({ signal }) => apiFetch<{ items: HotspotProfileDto[] }>(`${base}/profiles`, { signal }),
    enabled: connectionId !== "",
    staleTime: 60_000,
  });
  const nas = useQuery({
    queryKey: kiwireKeys.nas(connectionId),
    queryFn: ({ signal }) => apiFetch<{ items: NasDto[] }>(`${base}/nas`, { signal }),
    enabled: connectionId !== "",
    staleTime: 60_000,
  });
  const zones = [...new Set((nas.data?.items ?? []).map((n) => n.zone).filter(Boolean))];
  return { profiles, nas, zones };
}

/** Kiwire creates a batch in one call, so progress is the wait for that call, with the count it will make. */
export function VoucherGenerate({ connectionId, onClose, onCreated }: VoucherGenerateProps) {
  const queryClient = useQueryClient();
  const { profiles, zones } = useKiwirePickers(connectionId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(0);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<CreatedVouchersDto>(`/api/v1/kiwire/${encodeURIComponent(connectionId)}/vouchers`, {
        method: "POST",
        body,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: kiwireKeys.connection(connectionId) });
      onCreated(created);
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) setErrors(error.fieldErrors());
      setFormError(error.message);
    },
  });
  return (
    <Dialog open title="Generate vouchers" onClose={onClose}>
      <form
        aria-label="Generate vouchers"
        className="grid gap-3"
        onSubmit={submitWith((form) => {
          setErrors({});
          setFormError(null);
          const qty = Number(form.get("quantity"));
          setQuantity(qty);
          const expiry = String(form.get("expiry") ?? "");
          create.mutate({
            prefix: String(form.get("prefix") ?? ""),
            quantity: qty,
            profile: String(form.get("profile") ?? ""),
            zone: String(form.get("zone") ?? ""),
            remark: String(form.get("remark") ?? ""),
            ...(expiry && { expiry }),
          });
        })}
      >
        <TextField label="Prefix" name="prefix" defaultValue="" maxLength={16} error={errors.prefix} />
        <TextField
          label="Quantity"
          name="quantity"
          type="number"
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
            Generating {quantity.toLocaleString("en")} vouchers on Kiwire…
          </div>
        )}
        {formError && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending || profiles.isPending}>
            Generate
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
