"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionDto } from "@/lib/api/connections";
import { type AccountDto, KIWIRE_STATUSES, type VoucherPageDto } from "@/lib/api/kiwire";
import { apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { connectionKeys, kiwireKeys } from "@/lib/client/query-keys";
import { IndexBuildingNote, IndexStatus } from "./index-status";
import { createdBatchNotice, TableReadNote } from "./table-read";
import { useKiwirePickers, VoucherGenerate } from "./voucher-generate";
import { VoucherPrint } from "./voucher-print";

const PAGE_SIZES = [25, 50, 100, 500] as const;

const searchParams = {
  connection: parseAsString.withDefault(""),
  batch: parseAsString.withDefault(""),
  status: parseAsStringLiteral(KIWIRE_STATUSES),
  profile: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
};

export function StatusBadge({ status }: { status: AccountDto["status"] }) {
  const tone =
    status === "active" ? "good" : status === "suspended" ? "warn" : status === "expired" ? "bad" : "neutral";
  return <Badge tone={tone}>{status}</Badge>;
}

export function KiwireConnectionPicker({
  value,
  connections,
  onChange,
}: {
  value: string;
  connections: ConnectionDto[];
  onChange: (id: string) => void;
}) {
  return (
    <SelectField
      label="Kiwire"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      options={connections.map((item) => ({ value: item.id, label: item.name }))}
    />
  );
}

export function useKiwireConnections() {
  return useQuery({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ConnectionDto[] }>("/api/v1/connections", { signal }),
    select: (data) => data.items.filter((item) => item.kind === "kiwire"),
  });
}

export function VouchersView({ canWrite }: { canWrite: boolean }) {
  const [state, setState] = useQueryStates(searchParams);
  const queryClient = useQueryClient();
  const connections = useKiwireConnections();
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  const connectionName = connections.data?.find((c) => c.id === connectionId)?.name ?? "";
  const pageSize = (PAGE_SIZES as readonly number[]).includes(state.size) ? state.size : 50;
  const { profiles } = useKiwirePickers(connectionId);
  const [selected, setSelected] = useState<Map<string, AccountDto>>(new Map());
  const [generating, setGenerating] = useState(false);
  const [printing, setPrinting] = useState<AccountDto[] | null>(null);
  const [deleting, setDeleting] = useState<AccountDto[] | null>(null);
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const base = `/api/v1/kiwire/${encodeURIComponent(connectionId)}`;

  const filter = {
    ...(state.batch && { batch: state.batch }),
    ...(state.status && { status: state.status }),
    ...(state.profile && { profile: state.profile }),
    ...(state.from && { from: state.from }),
    ...(state.to && { to: state.to }),
    ...(state.q && { q: state.q }),
  };
  const vouchers = useQuery({
    queryKey: kiwireKeys.vouchers(connectionId, { ...filter, page: state.page, pageSize }),
    queryFn: ({ signal }) =>
      apiFetch<VoucherPageDto>(
        `${base}/vouchers?${new URLSearchParams({ ...filter, page: String(state.page), pageSize: String(pageSize) })}`,
        { signal },
      ),
    enabled: connectionId !== "",
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: async (targets: AccountDto[]) => {
      const failures: string[] = [];
      // One request per voucher: each delete is audited with its own code.
      for (const target of targets) {
        await apiFetch(`${base}/vouchers/${encodeURIComponent(target.username)}`, { method: "DELETE" }).catch(
          (error: Error) => failures.push(`${target.username}: ${error.message}`),
        );
      }
      if (failures.length > 0) throw new Error(`Not deleted: ${failures.join("; ")}`);
      return targets.length;
    },
    onSettled: () => {
      setSelected(new Map());
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: kiwireKeys.connection(connectionId) });
    },
    onSuccess: (count) =>
      setNotice({ text: `${count} voucher${count === 1 ? "" : "s"} deleted.`, warn: false }),
    onError: (error) => setActionError(error.message),
  });

  const printBatch = async () => {
    setActionError(null);
    try {
      const page = await apiFetch<VoucherPageDto>(
        `${base}/vouchers?${new URLSearchParams({ batch: state.batch, pageSize: "1000" })}`,
      );
      setPrinting(page.items);
    } catch (error) {
      setActionError((error as Error).message);
    }
  };

  const exportHref = (codes?: string[]) =>
    `${base}/vouchers/export?${new URLSearchParams(codes ? { codes: codes.join(",") } : filter)}`;

  const data = vouchers.data;
  const items = data?.items ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.totalItems / pageSize)) : 1;
  const toggle = (voucher: AccountDto) => {
    const next = new Map(selected);
    if (next.has(voucher.username)) next.delete(voucher.username);
    else next.set(voucher.username, voucher);
    setSelected(next);
  };
  const allOnPage = items.length > 0 && items.every((v) => selected.has(v.username));

  return (
    <>
      <PageHeader
        title="Hotspot vouchers"
        description="Vouchers on a Kiwire hotspot: generate a batch, print it as cards or slips, export it."
        actions={
          canWrite && connectionId ? (
            <Button onClick={() => setGenerating(true)}>Generate vouchers</Button>
          ) : undefined
        }
      />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <KiwireConnectionPicker
          value={connectionId}
          connections={connections.data ?? []}
          onChange={(id) => {
            setSelected(new Map());
            void setState({ connection: id, batch: null, page: 1 });
          }}
        />
        <SelectField
          label="Batch"
          value={state.batch}
          onChange={(event) => void setState({ batch: event.currentTarget.value || null, page: 1 })}
          options={[
            { value: "", label: "All batches" },
            ...(data?.batches ?? []).map((b) => ({ value: b, label: b })),
          ]}
        />
        <SelectField
          label="Status"
          value={state.status ?? ""}
          onChange={(event) =>
            void setState({
              status: (event.currentTarget.value || null) as (typeof KIWIRE_STATUSES)[number] | null,
              page: 1,
            })
          }
          options={[
            { value: "", label: "Any status" },
            ...KIWIRE_STATUSES.map((s) => ({ value: s, label: s })),
          ]}
        />
        <SelectField
          label="Profile"
          value={state.profile}
          onChange={(event) => void setState({ profile: event.currentTarget.value || null, page: 1 })}
          options={[
            { value: "", label: "Any profile" },
            ...(profiles.data?.items ?? []).map((p) => ({ value: p.name, label: p.name })),
          ]}
        />
        <form
          key={`${state.q}|${state.from}|${state.to}`}
          aria-label="Filter vouchers"
          className="grid items-end gap-3 sm:col-span-4 sm:grid-cols-4"
          onSubmit={submitWith(
            (form) =>
              void setState({
                q: String(form.get("q") ?? "").trim() || null,
                from: String(form.get("from") ?? "") || null,
                to: String(form.get("to") ?? "") || null,
                page: 1,
              }),
          )}
        >
          <TextField label="Code contains" name="q" defaultValue={state.q} />
          <TextField label="Created from" name="from" type="date" defaultValue={state.from} />
          <TextField label="Created to" name="to" type="date" defaultValue={state.to} />
          <Button type="submit">Apply</Button>
        </form>
      </div>
      {connections.data && connections.data.length === 0 && (
        <EmptyState title="No Kiwire connection">An admin adds one under Connections.</EmptyState>
      )}
      {notice && (
        <p
          role="status"
          className={`mb-2 text-sm ${notice.warn ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"}`}
        >
          {notice.text}
        </p>
      )}
      {actionError && <ErrorState message={actionError} onDismiss={() => setActionError(null)} />}
      {vouchers.isPending && connectionId && (
        <>
          <IndexBuildingNote noun="voucher" />
          <TableSkeleton rows={8} />
        </>
      )}
      <QueryErrorState query={vouchers} />
      {data && <IndexStatus connectionId={connectionId} list="vouchers" read={data.table} />}
      {data && items.length === 0 && <EmptyState title="No vouchers match">Change the filters.</EmptyState>}
      {data && (
        <div
          role="toolbar"
          aria-label="Voucher actions"
          className="mb-2 flex flex-wrap items-center gap-2 text-sm"
        >
          {state.batch && (
            <>
              <Button size="sm" variant="secondary" onClick={() => void printBatch()}>
                Print batch
              </Button>
              <a className="rounded border border-slate-300 px-2 py-1" href={exportHref()} download>
                Export batch CSV
              </a>
            </>
          )}
          {selected.size > 0 && (
            <>
              <span>{selected.size} selected</span>
              <Button size="sm" variant="secondary" onClick={() => setPrinting([...selected.values()])}>
                Print selected
              </Button>
              <a
                className="rounded border border-slate-300 px-2 py-1"
                href={exportHref([...selected.keys()])}
                download
              >
                Export selected CSV
              </a>
              {canWrite && (
                <Button size="sm" variant="danger" onClick={() => setDeleting([...selected.values()])}>
                  Delete selected
                </Button>
              )}
            </>
          )}
          {!state.batch && selected.size === 0 && (
            <a className="rounded border border-slate-300 px-2 py-1" href={exportHref()} download>
              Export CSV
            </a>
          )}
        </div>
      )}
      {data && items.length > 0 && (
        <>
          <Table aria-label="Vouchers">
            <thead>
              <tr>
                <Th>
                  <input
                    type="checkbox"
                    aria-label="Select page"
                    checked={allOnPage}
                    onChange={() => {
                      const next = new Map(selected);
                      for (const v of items) {
                        if (allOnPage) next.delete(v.username);
                        else next.set(v.username, v);
                      }
                      setSelected(next);
                    }}
                  />
                </Th>
                <Th>Code</Th>
                <Th>Profile</Th>
                <Th>Status</Th>
                <Th>Batch</Th>
                <Th>Created</Th>
                <Th>Expires</Th>
                <Th>Remark</Th>
                {canWrite && <Th>Actions</Th>}
              </tr>
            </thead>
            <tbody>
              {items.map((voucher) => (
                <tr key={voucher.username} data-testid={`voucher-row-${voucher.username}`}>
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${voucher.username}`}
                      checked={selected.has(voucher.username)}
                      onChange={() => toggle(voucher)}
                    />
                  </Td>
                  <Td className={`font-mono ${voucher.status === "expired" ? "line-through" : ""}`}>
                    {voucher.username}
                  </Td>
                  <Td>{voucher.profile}</Td>
                  <Td>
                    <StatusBadge status={voucher.status} />
                  </Td>
                  <Td>
                    <button
                      type="button"
                      className="hover:underline"
                      onClick={() => void setState({ batch: voucher.batch, page: 1 })}
                    >
                      {voucher.batch}
                    </button>
                  </Td>
                  <Td>{voucher.createdAt ?? "—"}</Td>
                  <Td>{voucher.expiresAt ?? "—"}</Td>
                  <Td>{voucher.remark}</Td>
                  {canWrite && (
                    <Td>
                      <Button variant="ghost" size="sm" onClick={() => setDeleting([voucher])}>
                        Delete
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            summary={
              <span data-testid="voucher-count">
                {data.totalItems.toLocaleString("en")} vouchers · page {state.page} of {pages}
                <TableReadNote read={data.table} noun="vouchers" />
              </span>
            }
            page={state.page}
            pages={pages}
            onPage={(page) => void setState({ page })}
            pageSize={{
              value: pageSize,
              sizes: PAGE_SIZES,
              onChange: (size) => void setState({ size, page: 1 }),
            }}
          />
        </>
      )}
      {generating && connectionId && (
        <VoucherGenerate
          connectionId={connectionId}
          onClose={() => setGenerating(false)}
          onCreated={(created) => {
            setGenerating(false);
            setSelected(new Map());
            const { text, complete } = createdBatchNotice(created);
            setNotice({ text, warn: !complete });
            void setState({
              batch: created.batch,
              status: null,
              profile: null,
              from: null,
              to: null,
              q: null,
              page: 1,
            });
          }}
        />
      )}
      {printing && (
        <VoucherPrint vouchers={printing} siteName={connectionName} onClose={() => setPrinting(null)} />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={
          deleting?.length === 1
            ? `Delete voucher ${deleting[0]?.username}?`
            : `Delete ${deleting?.length} vouchers?`
        }
        message={
          <p>
            {deleting?.length === 1 ? `Voucher ${deleting[0]?.username}` : `${deleting?.length} vouchers`} can
            no longer be used to log in; Kiwire keeps them as expired.
          </p>
        }
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
