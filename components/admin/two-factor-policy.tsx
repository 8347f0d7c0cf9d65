"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { callOperation } from "@/lib/client/call-operation";
import { userQueries } from "@/lib/client/queries/users";
import { TWO_FACTOR_REQUIREMENTS, type TwoFactorRequirement } from "@/lib/second-factor";

/** Who must use two-factor sign-in: people it newly applies to are sent to enrol at their next page. */
export function TwoFactorPolicy() {
  const t = useTranslations("admin");
  const queryClient = useQueryClient();
  const policy = useQuery(userQueries.twoFactorPolicy());
  const save = useMutation({
    mutationFn: (required: TwoFactorRequirement) =>
      callOperation("setTwoFactorPolicy", { body: { required } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(userQueries.twoFactorPolicy().queryKey, saved);
      toast.success(t("twoFactorPolicy.saved", { required: saved.required }));
    },
    onError: (error) => toast.error(error.message),
  });
  if (!policy.data) return null;
  return (
    <div className="mb-6 flex flex-wrap items-center gap-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <label htmlFor="two-factor-policy" className="font-medium">
        {t("twoFactorPolicy.label")}
      </label>
      <select
        id="two-factor-policy"
        value={policy.data.required}
        disabled={save.isPending}
        onChange={(event) => {
          const chosen = TWO_FACTOR_REQUIREMENTS.find((value) => value === event.target.value);
          if (chosen) save.mutate(chosen);
        }}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {TWO_FACTOR_REQUIREMENTS.map((value) => (
          <option key={value} value={value}>
            {t(`twoFactorPolicy.options.${value}`)}
          </option>
        ))}
      </select>
      <span className="text-slate-600 dark:text-slate-400">{t("twoFactorPolicy.hint")}</span>
    </div>
  );
}
