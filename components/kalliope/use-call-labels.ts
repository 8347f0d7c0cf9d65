"use client";

import { useMemo } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { CALL_STATUSES, EXIT_CAUSES, isKnownCode, LABELLED_ENDPOINT_TYPES } from "@/lib/kalliope-vocabulary";

export interface CallLabels {
  status: (code: string) => string;
  endpoint: (code: string) => string;
  exitCause: (code: string) => string;
}

/** The PBX's codes in the reader's language; a code no source lists is shown as the PBX sent it. */
export function useCallLabels(): CallLabels {
  const t = useTranslations("kalliope");
  return useMemo(
    () => ({
      status: (code) => (isKnownCode(CALL_STATUSES, code) ? t(`status.${code}`) : code),
      endpoint: (code) => (isKnownCode(LABELLED_ENDPOINT_TYPES, code) ? t(`endpoint.${code}`) : code),
      exitCause: (code) => (isKnownCode(EXIT_CAUSES, code) ? t(`exitCause.${code}`) : code),
    }),
    [t],
  );
}
