"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { QueryErrorState } from "@/components/ui/states";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { SessionsTable } from "./sessions-table";

export interface HotspotUserDetailProps {
  connectionId: string;
  username: string;
  onClose: () => void;
}

/** One hotspot user's account and login history, in a dialog the URL opens (`?user=`). */
export function HotspotUserDetail({ connectionId, username, onClose }: HotspotUserDetailProps) {
  const [range, setRange] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const user = useQuery(kiwireQueries.user(connectionId, username));
  return (
    <Dialog open title={`User ${username}`} onClose={onClose}>
      <QueryErrorState query={user} />
      {user.data && (
        <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {(
            [
              ["Full name", user.data.fullName],
              ["Profile", user.data.profile],
              ["Status", user.data.status],
              ["Zone", user.data.zone || "any"],
              ["MAC", user.data.mac || "—"],
              ["Created", user.data.createdAt ?? "—"],
              ["Expires", user.data.expiresAt ?? "—"],
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
        aria-label="Login history range"
        className="mb-2 flex items-end gap-2"
        onSubmit={submitWith((form) =>
          setRange({ from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") }),
        )}
      >
        <TextField label="From" name="from" type="date" defaultValue={range.from} />
        <TextField label="To" name="to" type="date" defaultValue={range.to} />
        <Button type="submit">Show</Button>
      </form>
      <SessionsTable
        connectionId={connectionId}
        username={username}
        from={range.from}
        to={range.to}
        page={1}
      />
    </Dialog>
  );
}
