import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Shell } from "@/components/shell/shell";
import { currentActor } from "@/lib/server/auth/page-auth";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

// The layout only decorates: it shows the navigation the person may use. Each page authorizes itself,
// because layouts do not re-render on client navigation and so cannot guard anything.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [actor, cookieStore] = await Promise.all([currentActor(), cookies()]);
  return (
    <Shell
      user={
        actor?.kind === "user"
          ? { id: actor.id, name: actor.name, email: actor.label, role: actor.role }
          : null
      }
      theme={parseTheme(cookieStore.get(THEME_COOKIE)?.value)}
    >
      {children}
    </Shell>
  );
}
