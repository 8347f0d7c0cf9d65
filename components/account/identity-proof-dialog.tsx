"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type IdentityProofInput, IdentityProofSchema } from "@/lib/api/account";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

/** The two changes to one's second factor that need the password or a current code again. */
export type ProofAction = "remove" | "regenerate";

export interface IdentityProofDialogProps {
  action: ProofAction;
  /** Called with the new recovery codes after "regenerate", with null after "remove". */
  onDone: (recoveryCodes: string[] | null) => void;
  onClose: () => void;
}

/** Confirm it is you (password or code), then turn the factor off or replace the recovery codes. */
export function IdentityProofDialog({ action, onDone, onClose }: IdentityProofDialogProps) {
  const t = useTranslations("account");
  const title = t(`proof.title.${action}`);
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const prove = useMutation({
    mutationFn: (proof: IdentityProofInput) =>
      action === "remove"
        ? callOperation("removeTwoFactor", { body: proof }).then(() => null)
        : callOperation("regenerateRecoveryCodes", { body: proof }).then((answer) => answer.recoveryCodes),
    // The password is in the mutation's variables: dropped with the dialog, not kept in the mutation cache.
    gcTime: 0,
    onSuccess: (codes) => {
      toast.success(t(`proof.done.${action}`));
      onDone(codes);
    },
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setErrors(Object.keys(fields).length === 0 ? { password: error.message } : fields);
    },
  });
  return (
    <Dialog open title={title} onClose={onClose} guardTypedInput>
      <form
        ref={formRef}
        aria-label={title}
        className="space-y-4"
        noValidate
        onSubmit={submitWith((form) => {
          const password = String(form.get("password") ?? "");
          const code = String(form.get("code") ?? "");
          const checked = validateInput(IdentityProofSchema, {
            ...(password && { password }),
            ...(code && { code }),
          });
          if (!checked.ok) {
            // "One of the two" concerns no single field: it is shown under the first.
            const { "": either, ...fields } = checked.fieldErrors;
            setErrors(either ? { password: either, ...fields } : fields);
            return;
          }
          setErrors({});
          prove.mutate(checked.data);
        })}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("proof.intro")}</p>
        <TextField
          label={t("proof.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          error={errors.password}
        />
        <TextField label={t("proof.code")} name="code" autoComplete="one-time-code" error={errors.code} />
        <div className="flex justify-end gap-2">
          <DialogCancelButton />
          <Button
            type="submit"
            variant={action === "remove" ? "danger" : "primary"}
            disabled={prove.isPending}
          >
            {t(`proof.submit.${action}`)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
