import type { Metadata } from "next";
import Link from "next/link";
import { ConnectionHealthCards } from "@/components/connections/health-cards";
import { PageHeader } from "@/components/ui/page-header";
import { NAVIGATION } from "@/lib/navigation";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePermission("overview.read", "/");
  const areas = NAVIGATION.filter((section) => section.label !== "Console")
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => can(actor.role, item.permission)),
    }))
    .filter((section) => section.items.length > 0);
  return (
    <>
      <PageHeader
        title="Overview"
        description="The appliances the console works on, and where to work on them."
      />
      <section aria-labelledby="connection-health" className="mb-8 space-y-3">
        <h2 id="connection-health" className="text-lg font-semibold">
          Connection health
        </h2>
        <ConnectionHealthCards canManage={can(actor.role, "connections.manage")} />
      </section>
      <h2 className="mb-3 text-lg font-semibold">Areas</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((section) => (
          <li
            key={section.label}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="font-semibold">{section.label}</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {section.items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="text-sky-700 underline dark:text-sky-400">
                    {item.label}
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
