"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ColumnTable } from "@/components/data-table/column-table";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField } from "@/components/ui/field";
import { QueryErrorState } from "@/components/ui/states";
import type { TicketLookupsDto } from "@/lib/api/kayako";
import { callOperation } from "@/lib/client/call-operation";
import { ticketQueries } from "@/lib/client/queries/kayako";

export interface StaffMappingPanelProps {
  connectionId: string;
  lookups: TicketLookupsDto;
}

/** Admin only: who each operator replies as. Kayako's REST key has no staff identity of its own. */
export function StaffMappingPanel({ connectionId, lookups }: StaffMappingPanelProps) {
  const t = useTranslations("kayako");
  const queryClient = useQueryClient();
  const mappings = useQuery(ticketQueries.staffMappings(connectionId));
  const save = useMutation({
    mutationFn: ({ userId, staffId }: { userId: string; staffId: number | null }) =>
      callOperation("setKayakoStaffMapping", { params: { connectionId, userId }, body: { staffId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketQueries.connection(connectionId) }),
  });
  return (
    <section aria-label={t("staff.region")} className="mt-8">
      <h2 className="mb-1 text-lg font-semibold">{t("staff.heading")}</h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("staff.description")}</p>
      <QueryErrorState query={mappings} />
      {save.isError && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          {save.error.message}
        </p>
      )}
      {mappings.data && (
        <ColumnTable
          label={t("staff.label")}
          columns={[
            {
              id: "user",
              header: t("staff.user"),
              cell: (mapping) => (
                <>
                  {mapping.userName}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {mapping.email} · {mapping.role}
                  </span>
                </>
              ),
            },
            {
              id: "staff",
              header: t("staff.member"),
              cell: (mapping) => (
                <SelectField
                  label={t("staff.memberFor", { name: mapping.userName })}
                  value={mapping.staffId === null ? "" : String(mapping.staffId)}
                  disabled={save.isPending}
                  onChange={(event) =>
                    save.mutate({
                      userId: mapping.userId,
                      staffId: event.target.value ? Number(event.target.value) : null,
                    })
                  }
                  options={[
                    { value: "", label: t("staff.notMapped") },
                    ...lookups.staff
                      .filter((s) => s.enabled || s.id === mapping.staffId)
                      .map((s) => ({ value: String(s.id), label: s.title })),
                  ]}
                />
              ),
            },
          ]}
          rows={mappings.data.items}
          rowKey={(mapping) => mapping.userId}
        />
      )}
    </section>
  );
}
