import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { Providers } from "@/components/shell/providers";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import { getTranslations, requestLocale } from "@/lib/server/preferences/request-locale";
import { NONCE_HEADER } from "@/lib/server/security/headers";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  const product = t("productName");
  return { title: { default: product, template: `%s · ${product}` }, description: t("description") };
}

// Reading the request (cookies, headers) renders every page per request, which a CSP nonce needs anyway.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [cookieStore, headerStore, locale] = await Promise.all([cookies(), headers(), requestLocale()]);
  // The theme class is rendered on the server, so the first paint has it: no script, no flash.
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} className={theme === "system" ? undefined : theme}>
      <body>
        <I18nProvider locale={locale} messages={CATALOGS[locale]}>
          <Providers nonce={headerStore.get(NONCE_HEADER) ?? undefined}>{children}</Providers>
        </I18nProvider>
      </body>
    </html>
  );
}
