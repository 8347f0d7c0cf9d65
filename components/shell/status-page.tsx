import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/server/preferences/request-locale";

/** The full-page answer for 403 and 404: what happened, why, and the way back. */
export async function StatusPage({
  status,
  title,
  children,
}: {
  status: number;
  title: string;
  children: ReactNode;
}) {
  const t = await getTranslations("shell");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-600 dark:text-slate-400">{status}</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</p>
        <Link href="/" className="mt-4 inline-block font-medium text-sky-700 underline dark:text-sky-400">
          {t("status.back")}
        </Link>
      </div>
    </main>
  );
}
