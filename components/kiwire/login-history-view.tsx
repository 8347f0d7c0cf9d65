"use client";

import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { submitWith } from "@/lib/client/form-submit";
import { SessionsTable } from "./sessions-table";
import { KiwireConnectionPicker, useKiwireConnections } from "./vouchers-view";

const searchParams = {
  connection: parseAsString.withDefault(""),
  user: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
};

export function LoginHistoryView() {
  const [state, setState] = useQueryStates(searchParams);
  const connections = useKiwireConnections();
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  return (
    <>
      <PageHeader
        title="Hotspot login history"
        description="Sessions across all hotspot users, newest first."
      />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <KiwireConnectionPicker
          value={connectionId}
          connections={connections.data ?? []}
          onChange={(id) => void setState({ connection: id, page: 1 })}
        />
        <form
          key={`${state.user}|${state.from}|${state.to}`}
          aria-label="Filter sessions"
          className="grid items-end gap-3 sm:col-span-3 sm:grid-cols-4"
          onSubmit={submitWith(
            (form) =>
              void setState({
                user: String(form.get("user") ?? "").trim() || null,
                from: String(form.get("from") ?? "") || null,
                to: String(form.get("to") ?? "") || null,
                page: 1,
              }),
          )}
        >
          <TextField label="User" name="user" defaultValue={state.user} />
          <TextField label="From" name="from" type="date" defaultValue={state.from} />
          <TextField label="To" name="to" type="date" defaultValue={state.to} />
          <Button type="submit">Apply</Button>
        </form>
      </div>
      {connections.data && connections.data.length === 0 && (
        <EmptyState title="No Kiwire connection">An admin adds one under Connections.</EmptyState>
      )}
      {connectionId && (
        <SessionsTable
          connectionId={connectionId}
          username={state.user || undefined}
          from={state.from}
          to={state.to}
          page={state.page}
          onPage={(page) => void setState({ page })}
        />
      )}
    </>
  );
}
