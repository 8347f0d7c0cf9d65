import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { currentActor } from "@/lib/server/auth/page-auth";
import { consoleOrigin } from "@/lib/server/security/https";
import { signInErrorMessage } from "@/lib/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl, consoleOrigin(await headers()));
  if (await currentActor()) redirect(target);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-1 text-xl font-semibold">Operator Console</h1>
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Sign in with your console account.</p>
        <LoginForm callbackUrl={target} initialError={signInErrorMessage(error)} />
      </div>
    </main>
  );
}
