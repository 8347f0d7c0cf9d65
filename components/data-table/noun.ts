"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";

/**
 * What a row of a list is called, in the person's language: the view's own words from its catalog ("extension",
 * "extensions"). The table's sentences put it only where no word has to agree with it, so either gender reads
 * right in Italian; two forms are all the plural rules of English and Italian ask for.
 */
export interface Noun {
  one: string;
  other: string;
}

/** "2,000 extensions" / "2.000 interni": a count and its noun, the number and the plural as the language writes them. */
export type CountOf = (count: number, noun: Noun) => string;

export function useCountOf(): CountOf {
  const t = useTranslations("dataTable");
  return (count, noun) => t("counted", { count, one: noun.one, other: noun.other });
}
