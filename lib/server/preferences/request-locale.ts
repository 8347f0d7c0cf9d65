import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { cache } from "react";
import { type Formats, formatsFor } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages, Namespace } from "@/lib/i18n/messages/catalog";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import { type Translate, translatorFor } from "@/lib/i18n/translator";
import { localeOf } from "@/lib/server/auth/locale";
import { currentActor } from "@/lib/server/auth/page-auth";

/** The language of the page being rendered: the person's choice, else their browser's (once per request). */
export const requestLocale = cache(
  async (): Promise<Locale> => localeOf(await currentActor(), (await headers()).get("accept-language")),
);

/** A namespace's messages for a server component: `const t = await getTranslations("kiwire")`. */
export async function getTranslations<N extends Namespace>(namespace: N): Promise<Translate<N>> {
  const locale = await requestLocale();
  return translatorFor(locale, CATALOGS[locale], namespace);
}

export async function getFormats(): Promise<Formats> {
  return formatsFor(await requestLocale());
}

/** A page's `generateMetadata`: its title in the reader's language, from the navigation's names. */
export function pageTitle(page: keyof Messages["nav"]["pages"]): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations("nav"))(`pages.${page}`) });
}
