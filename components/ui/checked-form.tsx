"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, type RefObject, useState } from "react";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, type Validation } from "@/lib/client/validate-input";
import { Button } from "./button";
import { Dialog, DialogCancelButton } from "./dialog";
import { FieldErrors, TextField } from "./field";

export interface CheckedFormOptions<TBody, TResult> {
  /** The body the form asks for, checked with the operation's own schema. */
  check: (data: FormData) => Validation<TBody>;
  send: (body: TBody) => Promise<TResult>;
  onSent: (result: TResult) => void;
}

/**
 * A write form's round: check in the browser first (a bad field is shown at once, in the server's words, and
 * nothing is sent), then send; the server's field errors land in the same map, anything else above the buttons.
 * Either way focus moves to the first bad field.
 */
export function useCheckedForm<TBody, TResult>({ check, send, onSent }: CheckedFormOptions<TBody, TResult>) {
  const { formRef, fieldErrors, setFieldErrors } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    // A form's write is not kept in the mutation cache after its dialog: its variables may hold a password.
    gcTime: 0,
    onSuccess: onSent,
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setFieldErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : error.message);
    },
  });
  const onSubmit = submitWith((data) => {
    setFormError(null);
    const checked = check(data);
    if (!checked.ok) {
      setFieldErrors(checked.fieldErrors);
      return;
    }
    setFieldErrors({});
    mutation.mutate(checked.data);
  });
  return { formRef, errors: fieldErrors, formError, onSubmit, mutation };
}

/** Below a checked form: the error no field owns, Cancel (which asks before discarding input) and submit. */
function CheckedFormFooter({
  formError,
  submitLabel,
  pendingLabel = submitLabel,
  pending,
  disabled = false,
}: {
  formError: string | null;
  submitLabel: string;
  /** Shown while the write runs, e.g. "Creating…". */
  pendingLabel?: string;
  pending: boolean;
  /** Besides while pending, e.g. until what the form needs has loaded. */
  disabled?: boolean;
}) {
  return (
    <>
      {formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <Button type="submit" disabled={pending || disabled}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </>
  );
}

export interface CheckedFormDialogProps {
  /** The dialog's title, which also names its form. */
  title: string;
  onClose: () => void;
  /** The round of `useCheckedForm`: its fields show their own errors from it. */
  form: {
    formRef: RefObject<HTMLFormElement | null>;
    errors: Readonly<Record<string, string>>;
    formError: string | null;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    mutation: { isPending: boolean };
  };
  submitLabel: string;
  pendingLabel?: string;
  /** Besides while pending, e.g. until what the form needs has loaded. */
  disabled?: boolean;
  /** The fields: each shows its own error by its name. */
  children: ReactNode;
}

/**
 * A dialog around one checked form: the fields, the error no field owns, Cancel (which asks before typed input
 * is thrown away) and submit.
 */
export function CheckedFormDialog({
  title,
  onClose,
  form,
  submitLabel,
  pendingLabel,
  disabled,
  children,
}: CheckedFormDialogProps) {
  return (
    <Dialog open title={title} onClose={onClose} guardTypedInput>
      <form ref={form.formRef} aria-label={title} className="space-y-3" noValidate onSubmit={form.onSubmit}>
        <FieldErrors value={form.errors}>{children}</FieldErrors>
        <CheckedFormFooter
          formError={form.formError}
          submitLabel={submitLabel}
          pendingLabel={pendingLabel}
          pending={form.mutation.isPending}
          disabled={disabled}
        />
      </form>
    </Dialog>
  );
}

/** A password someone sets for an account: typed, never filled in from the browser's saved passwords. */
export function NewPasswordField({ label, hint }: { label: string; hint?: string }) {
  return (
    <TextField
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      hint={hint}
    />
  );
}
