"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { AccountDto } from "@/lib/api/account";
import { callOperation } from "@/lib/client/call-operation";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/** The value of "follow my browser" in the select (the API's null). */
const BROWSER = "browser";

export interface LanguageSectionProps {
  account: AccountDto;
  /** The language the browser asks for (Accept-Language), named in the "same as my browser" choice. */
  browserLocale: Locale;
  onChanged: (account: AccountDto) => void;
}

/**
 * The interface language, saved on the server so it follows the person to another browser. Applied at once:
 * the server renders the page again in the new language (the catalog comes with the page, not the bundle).
 */
export function LanguageSection({ account, browserLocale, onChanged }: LanguageSectionProps) {
  const t = useTranslations("account");
  const common = useTranslations("common");
  const router = useRouter();
  const save = useMutation({
    mutationFn: (language: Locale | null) => callOperation("setLanguage", { body: { language } }),
    onSuccess: (changed) => {
      onChanged(changed);
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <section aria-labelledby="language-heading" className="max-w-md space-y-4">
      <h2 id="language-heading" className="text-lg font-semibold">
        {common("language.label")}
      </h2>
      <SelectField
        label={common("language.label")}
        hint={t("language.hint")}
        name="language"
        value={save.isPending ? (save.variables ?? BROWSER) : (account.language ?? BROWSER)}
        disabled={save.isPending}
        onChange={(event) => save.mutate(isLocale(event.target.value) ? event.target.value : null)}
        options={[
          { value: BROWSER, label: common("language.browser", { language: LOCALE_NAMES[browserLocale] }) },
          ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
        ]}
      />
    </section>
  );
}
