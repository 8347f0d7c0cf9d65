"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ReplyToTicketBody } from "@/lib/api/kayako";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

export interface TicketReplyFormProps {
  connectionId: string;
  ticketId: string;
  /** What was typed for this ticket before the panel last closed over it. */
  draft: string;
  onDraftChange: (draft: string) => void;
  onSent: (isPrivate: boolean) => void;
}

/**
 * A reply or private note, checked with the API's schema before it is sent (an empty reply is named on the
 * field, not dropped without a word). The text is a draft of this ticket until it is sent.
 */
export function TicketReplyForm({
  connectionId,
  ticketId,
  draft,
  onDraftChange,
  onSent,
}: TicketReplyFormProps) {
  const t = useTranslations("kayako");
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const reply = useMutation({
    mutationFn: (body: { contents: string; isPrivate: boolean }) =>
      callOperation("replyToTicket", { params: { connectionId, ticketId }, body }),
    onSuccess: (_post, body) => {
      // A sent reply leaves the field, so a second click cannot post it twice.
      formRef.current?.reset();
      onDraftChange("");
      onSent(body.isPrivate);
    },
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : error.message);
    },
  });
  return (
    <form
      ref={formRef}
      aria-label={t("reply.label")}
      className="space-y-2"
      noValidate
      onSubmit={submitWith((form) => {
        setFormError(null);
        const checked = validateInput(ReplyToTicketBody, {
          contents: String(form.get("contents") ?? ""),
          isPrivate: form.get("isPrivate") === "on",
        });
        if (!checked.ok) {
          setErrors(checked.fieldErrors);
          return;
        }
        setErrors({});
        reply.mutate(checked.data);
      })}
    >
      <label htmlFor="ticket-reply" className="block text-sm font-medium">
        {t("reply.label")}
      </label>
      <textarea
        id="ticket-reply"
        name="contents"
        rows={5}
        defaultValue={draft}
        onChange={(event) => onDraftChange(event.currentTarget.value)}
        aria-invalid={errors.contents ? true : undefined}
        aria-describedby={errors.contents ? "ticket-reply-error" : undefined}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 dark:border-slate-700 dark:bg-slate-900"
      />
      {errors.contents && (
        <p
          id="ticket-reply-error"
          role="alert"
          className="text-xs font-medium text-red-700 dark:text-red-400"
        >
          {errors.contents}
        </p>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPrivate" /> {t("reply.private")}
      </label>
      {formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {formError}
        </p>
      )}
      <Button type="submit" disabled={reply.isPending}>
        {reply.isPending ? t("reply.sending") : t("reply.send")}
      </Button>
    </form>
  );
}
