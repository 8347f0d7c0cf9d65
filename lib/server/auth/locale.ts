import "server-only";
import { type Locale, negotiateLocale } from "@/lib/i18n/locales";
import type { Actor } from "./actor";

/**
 * The language a request is answered in: the person's saved choice, else the browser's (`Accept-Language`),
 * else English. Scripts with an API token get the header's language, which is English unless they ask.
 */
export function localeOf(actor: Actor | null, acceptLanguage: string | null): Locale {
  return (actor?.kind === "user" ? actor.language : null) ?? negotiateLocale(acceptLanguage);
}
