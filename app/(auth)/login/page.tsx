import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { currentActor } from "@/lib/server/auth/page-auth";
import { getTranslations } from "@/lib/server/preferences/request-locale";
import { consoleOrigin } from "@/lib/server/security/https";
import { signInError } from "@/lib/sign-in-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl, consoleOrigin(await headers()));
  if (await currentActor()) redirect(target);
  const t = await getTranslations("auth");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-1 text-xl font-semibold">{t("productName")}</h1>
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
        <LoginForm callbackUrl={target} initialError={signInError(error)} />
      </div>
    </main>
  );
}
