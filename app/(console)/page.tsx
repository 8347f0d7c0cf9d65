import Link from "next/link";
import { ConnectionHealthCards } from "@/components/connections/health-cards";
import { KINDS_WITH_FIGURES } from "@/components/overview/figure-kinds";
import { PageHeader } from "@/components/ui/page-header";
import { CONNECTION_READ_PERMISSIONS } from "@/lib/connection-kinds";
import { NAVIGATION } from "@/lib/navigation";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { getTranslations, pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("overview");

export default async function OverviewPage() {
  const actor = await requirePermission("overview.read", "/");
  const nav = await getTranslations("nav");
  const t = await getTranslations("overview");
  const areas = NAVIGATION.filter((section) => section.section !== "console")
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => can(actor.role, item.permission)),
    }))
    .filter((section) => section.items.length > 0);
  const figureKinds = KINDS_WITH_FIGURES.filter((kind) => can(actor.role, CONNECTION_READ_PERMISSIONS[kind]));
  return (
    <>
      <PageHeader title={nav("pages.overview")} description={t("description")} />
      <section aria-labelledby="connection-health" className="mb-8 space-y-3">
        <h2 id="connection-health" className="text-lg font-semibold">
          {t("connections")}
        </h2>
        <ConnectionHealthCards canManage={can(actor.role, "connections.manage")} figureKinds={figureKinds} />
      </section>
      <h2 className="mb-3 text-lg font-semibold">{t("areas")}</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((section) => (
          <li
            key={section.section}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="font-semibold">{nav(`sections.${section.section}`)}</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {section.items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="text-sky-700 underline dark:text-sky-400">
                    {nav(`pages.${item.page}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
