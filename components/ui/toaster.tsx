"use client";

import { Toaster as SonnerToaster } from "sonner";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { useDocumentTheme } from "./use-document-theme";

/**
 * Where toasts appear, in the page's theme: sonner draws light toasts unless told, which put a white toast on
 * a dark page. "system" leaves it to sonner, which follows the operating system's setting as the page does.
 */
export function Toaster() {
  const t = useTranslations("ui");
  return (
    <SonnerToaster
      theme={useDocumentTheme()}
      richColors
      closeButton
      position="bottom-right"
      containerAriaLabel={t("toasts.label")}
      toastOptions={{ closeButtonAriaLabel: t("toasts.close") }}
    />
  );
}
