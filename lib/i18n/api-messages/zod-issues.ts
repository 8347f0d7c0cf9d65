import type { z } from "zod";
import italianZod from "zod/v4/locales/it.js";
import type { Locale } from "@/lib/i18n/locales";
import { localizeInputMessage } from "./input-messages";

const ZOD_LOCALES: Readonly<Record<Exclude<Locale, "en">, z.core.$ZodErrorMap>> = {
  it: italianZod().localeError,
};

/**
 * The issues of an input a schema refused, in a person's language: zod's own words from its locale (passed to
 * this parse only: requests in both languages run at once, so never `z.config`), a schema's `msg` from the
 * catalog. Parsing again is deterministic and only happens for refused input, which is rare and small.
 */
export function issuesIn(
  schema: z.ZodType,
  input: unknown,
  locale: Exclude<Locale, "en">,
): readonly z.core.$ZodIssue[] {
  const parsed = schema.safeParse(input, { error: ZOD_LOCALES[locale] });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    ...issue,
    message: localizeInputMessage(issue.message, locale),
  }));
}
