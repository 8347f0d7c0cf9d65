"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ConnectionDto, ConnectionTestResultDto, UpdateConnectionInput } from "@/lib/api/connections";
import { callOperation } from "@/lib/client/call-operation";
import { TestResult } from "./test-result";

export interface ConnectionTestDialogProps {
  /** The connection as the list shows it now (its TLS mode changes once a certificate is pinned). */
  connection: ConnectionDto;
  result: ConnectionTestResultDto;
  /** A test is running (the one that follows a pin, say). */
  testing: boolean;
  /** After a pin is saved: the view tests again, so the admin sees the pinned connection work. */
  onPinned: (connection: ConnectionDto) => void;
  onClose: () => void;
}

/** What "Test connection" found, with the one-click pin; the secrets typed for the pin go with the dialog. */
export function ConnectionTestDialog({
  connection,
  result,
  testing,
  onPinned,
  onClose,
}: ConnectionTestDialogProps) {
  const t = useTranslations("connections");
  const pin = useMutation({
    mutationFn: (change: UpdateConnectionInput) =>
      callOperation("updateConnection", { params: { id: connection.id }, body: change }),
    // The secrets are in the mutation's variables: dropped with the dialog, not kept in the mutation cache.
    gcTime: 0,
    onSuccess: (saved) => {
      toast.success(t("test.pinned", { name: saved.name }));
      onPinned(saved);
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    // Secrets typed for a pin are asked about before they are thrown away; once pinned, nothing is lost.
    <Dialog
      open
      title={t("test.title", { name: connection.name })}
      onClose={onClose}
      guardTypedInput={!pin.isSuccess}
    >
      <TestResult
        connection={connection}
        result={result}
        pinning={pin.isPending || testing}
        onPin={(change) => pin.mutate(change)}
      />
      <div className="flex justify-end">
        <DialogCancelButton>{t("test.close")}</DialogCancelButton>
      </div>
    </Dialog>
  );
}
