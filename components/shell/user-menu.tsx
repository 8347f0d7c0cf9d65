"use client";

import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { signOut } from "@/lib/client/sign-out";
import type { Role } from "@/lib/permissions";
import { saveTheme } from "@/lib/server/preferences/theme-preference";
import { parseTheme, THEMES, type Theme } from "@/lib/theme";

function applyTheme(theme: Theme) {
  document.documentElement.classList.remove("light", "dark");
  if (theme !== "system") document.documentElement.classList.add(theme);
}

export interface UserMenuProps {
  user: { name: string; email: string; role: Role };
  initialTheme: Theme;
}

export function UserMenu({ user, initialTheme }: UserMenuProps) {
  const t = useTranslations("shell");
  const [theme, setTheme] = useState<Theme>(initialTheme);
  return (
    <div className="flex items-center gap-3 text-sm">
      <label className="flex items-center gap-1 text-slate-600 dark:text-slate-400">
        <span>{t("theme.label")}</span>
        <select
          aria-label={t("theme.selectLabel")}
          value={theme}
          onChange={async (event) => {
            const next = parseTheme(event.target.value);
            setTheme(next);
            // Applied once the cookie is saved, so what the page shows is what the next page load renders.
            try {
              applyTheme(await saveTheme(next));
            } catch {
              setTheme(theme);
              toast.error(t("theme.notSaved"));
            }
          }}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
        >
          {THEMES.map((option) => (
            <option key={option} value={option}>
              {t(`theme.options.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="hidden text-right sm:block">
        <span className="block font-medium" data-testid="user-name">
          {user.name}
        </span>
        <span className="block text-xs text-slate-500 dark:text-slate-400">
          {user.email} · <span data-testid="user-role">{user.role}</span>
        </span>
      </span>
      <a
        href="/account"
        className="rounded-md border border-slate-300 px-2.5 py-1 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {t("yourAccount")}
      </a>
      <button
        type="button"
        onClick={async () => {
          // Navigate ourselves: next-auth's redirect URL is built from NEXTAUTH_URL, which a default install leaves unset.
          await signOut({ redirect: false });
          window.location.assign("/login");
        }}
        className="rounded-md border border-slate-300 px-2.5 py-1 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {t("signOut")}
      </button>
    </div>
  );
}
