import { useMemo } from "react";
import type { ColumnDef } from "@/components/data-table/columns";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import type { SessionDto } from "@/lib/api/kiwire";
import type { Formats } from "@/lib/i18n/formats";

/** Traffic in the units a person reads at a glance; MB and kB are written alike in every language. */
function bytes(value: number | null, f: Formats): string {
  if (value === null) return "—";
  return value >= 1e6
    ? `${f.number(Math.round(value / 1e5) / 10)} MB`
    : `${f.number(Math.round(value / 1e3))} kB`;
}

/**
 * Login history columns (Kiwire's radacct rows); none sorts, as Kiwire lists sessions in one order. Times are
 * the appliance's wall clock as Kiwire wrote them (no zone to convert from), so they are shown as they came.
 */
export function useSessionColumns(): readonly ColumnDef<SessionDto, never>[] {
  const t = useTranslations("kiwire");
  const f = useFormats();
  return useMemo(
    () => [
      { id: "username", header: t("sessions.user"), className: "font-mono", cell: (s) => s.username },
      { id: "startedAt", header: t("sessions.started"), cell: (s) => s.startedAt ?? "—" },
      { id: "stoppedAt", header: t("sessions.stopped"), cell: (s) => s.stoppedAt ?? t("sessions.online") },
      {
        id: "minutes",
        header: t("sessions.minutes"),
        cell: (s) => (s.seconds === null ? "—" : f.number(Math.round(s.seconds / 60))),
      },
      { id: "zone", header: t("sessions.zone"), cell: (s) => s.zone },
      { id: "mac", header: t("sessions.mac"), className: "font-mono", cell: (s) => s.mac },
      { id: "ip", header: t("sessions.ip"), className: "font-mono", cell: (s) => s.ip },
      {
        id: "traffic",
        header: t("sessions.traffic"),
        cell: (s) => `${bytes(s.bytesOut, f)} / ${bytes(s.bytesIn, f)}`,
      },
      { id: "terminateCause", header: t("sessions.endedBy"), cell: (s) => s.terminateCause },
    ],
    [t, f],
  );
}

export const sessionKey = (session: SessionDto) => session.id;
