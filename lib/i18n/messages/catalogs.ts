import type { Locale } from "../locales";
import type { Messages } from "./catalog";
import { en } from "./en/all";
import { it } from "./it/all";

/**
 * Every catalog, for the server: the root layout hands the person's one to the browser (I18nProvider), so no
 * client module imports this and no page carries a language it does not show.
 */
export const CATALOGS: Readonly<Record<Locale, Messages>> = { en, it };
