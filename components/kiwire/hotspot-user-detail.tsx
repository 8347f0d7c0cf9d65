"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ColumnTable } from "@/components/data-table/column-table";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { useStatusLabel } from "./hotspot-status";
import { sessionKey, useSessionColumns } from "./session-columns";

export interface HotspotUserDetailProps {
  connectionId: string;
  username: string;
  onClose: () => void;
}

/** One hotspot user's account and login history, in a dialog the URL opens (`?user=`). */
export function HotspotUserDetail({ connectionId, username, onClose }: HotspotUserDetailProps) {
  const t = useTranslations("kiwire");
  const statusLabel = useStatusLabel();
  const [range, setRange] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const user = useQuery(kiwireQueries.user(connectionId, username));
  return (
    <Dialog open title={t("userDetail.title", { name: username })} onClose={onClose}>
      <QueryErrorState query={user} />
      {user.data && (
        <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {(
            [
              [t("columns.fullName"), user.data.fullName],
              [t("columns.profile"), user.data.profile],
              [t("columns.status"), statusLabel(user.data.status)],
              [t("columns.zone"), user.data.zone || t("userDetail.anyZone")],
              [t("columns.mac"), user.data.mac || "—"],
              [t("columns.created"), user.data.createdAt ?? "—"],
              [t("columns.expires"), user.data.expiresAt ?? "—"],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <form
        aria-label={t("userDetail.range")}
        className="mb-2 flex items-end gap-2"
        onSubmit={submitWith((form) =>
          setRange({ from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") }),
        )}
      >
        <TextField label={t("fields.from")} name="from" type="date" defaultValue={range.from} />
        <TextField label={t("fields.to")} name="to" type="date" defaultValue={range.to} />
        <Button type="submit">{t("userDetail.show")}</Button>
      </form>
      <UserSessions connectionId={connectionId} username={username} from={range.from} to={range.to} />
    </Dialog>
  );
}

/** The user's latest sessions in the range (the first page; the Login history page pages through the rest). */
function UserSessions({
  connectionId,
  username,
  from,
  to,
}: {
  connectionId: string;
  username: string;
  from: string;
  to: string;
}) {
  const t = useTranslations("kiwire");
  const columns = useSessionColumns();
  const sessions = useQuery(
    kiwireQueries.loginHistory(connectionId, {
      page: 1,
      pageSize: 50,
      username,
      ...(from && { from }),
      ...(to && { to }),
    }),
  );
  if (sessions.isPending) return <TableSkeleton rows={5} />;
  if (sessions.isError) return <QueryErrorState query={sessions} />;
  if (sessions.data.items.length === 0)
    return <EmptyState title={t("sessions.empty")}>{t("sessions.emptyHint")}</EmptyState>;
  return (
    <ColumnTable
      label={t("sessions.label")}
      // The user column would repeat their name on every row.
      columns={columns.filter((column) => column.id !== "username")}
      rows={sessions.data.items}
      rowKey={sessionKey}
      rowTestId={() => "session-row"}
    />
  );
}
