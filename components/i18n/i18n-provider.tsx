"use client";

import { createContext, type ReactNode, use, useMemo } from "react";
import { type Formats, formatsFor } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages, Namespace } from "@/lib/i18n/messages/catalog";
import { type Translate, translatorFor } from "@/lib/i18n/translator";

interface I18n {
  locale: Locale;
  messages: Messages;
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps extends I18n {
  children: ReactNode;
}

/**
 * The person's language and its catalog, handed down by the root layout: the catalog travels with the page's
 * data, never in a JavaScript chunk, so a page's first load does not grow with the number of languages.
 */
export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error("useTranslations needs the I18nProvider the root layout renders");
  return i18n;
}

export const useLocale = (): Locale => useI18n().locale;

/** A namespace's messages in the person's language: `const t = useTranslations("kiwire"); t("vouchers.title")`. */
export function useTranslations<N extends Namespace>(namespace: N): Translate<N> {
  const { locale, messages } = useI18n();
  return useMemo(() => translatorFor(locale, messages, namespace), [locale, messages, namespace]);
}

/** Dates, numbers and durations in the person's language. */
export const useFormats = (): Formats => formatsFor(useLocale());
