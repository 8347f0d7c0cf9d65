import Link from "next/link";
import type { ReactNode } from "react";
import { PaletteLauncher } from "@/components/palette/palette-launcher";
import { NAVIGATION } from "@/lib/navigation";
import { can, type Role } from "@/lib/permissions";
import { getTranslations } from "@/lib/server/preferences/request-locale";
import type { Theme } from "@/lib/theme";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export interface ShellProps {
  user: { id: string; name: string; email: string; role: Role } | null;
  theme: Theme;
  children: ReactNode;
}

export async function Shell({ user, theme, children }: ShellProps) {
  const [t, nav] = await Promise.all([getTranslations("shell"), getTranslations("nav")]);
  const sections = user
    ? NAVIGATION.map((section) => ({
        ...section,
        items: section.items.filter((item) => can(user.role, item.permission)),
      })).filter((section) => section.items.length > 0)
    : [];
  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900"
      >
        {t("skipToContent")}
      </a>
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:border-r md:border-b-0 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center justify-between px-4 py-4">
          <Link href="/" className="font-semibold tracking-tight">
            {t("productName")}
          </Link>
        </div>
        <nav
          aria-label={t("mainNavigation")}
          className="flex gap-4 overflow-x-auto px-2 pb-3 md:block md:space-y-4 md:overflow-visible"
        >
          {sections.map((section) => (
            <div key={section.section}>
              <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                {nav(`sections.${section.section}`)}
              </p>
              <ul className="flex gap-1 md:block md:space-y-0.5">
                {section.items.map((item) => (
                  <li key={item.href}>
                    <NavLink href={item.href}>{nav(`pages.${item.page}`)}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <div className="min-w-0">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 dark:border-slate-800 dark:bg-slate-900">
          {user && <PaletteLauncher userId={user.id} role={user.role} />}
          {user && <UserMenu user={user} initialTheme={theme} />}
        </header>
        <main id="main" className="mx-auto max-w-7xl p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
