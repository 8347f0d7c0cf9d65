"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsString } from "nuqs";
import { useMemo, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, orderAndPage } from "@/components/data-table/list-state";
import { useListState } from "@/components/data-table/use-list-state";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState, QueryErrorState } from "@/components/ui/states";
import type { CreateMailUserInput, MailUserDto } from "@/lib/api/kerio-connect";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { mailQueries } from "@/lib/client/queries/kerio-connect";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import type { Formats } from "@/lib/i18n/formats";
import type { Translate } from "@/lib/i18n/translator";
import { MAIL_USER_SORTS, type MailRemovalMode, type MailUserSort } from "@/lib/kerio-connect-vocabulary";

const mailUserList = defineListState({
  sorts: MAIL_USER_SORTS,
  defaultSort: "loginName",
  filters: { domain: parseAsString.withDefault(""), q: parseAsString.withDefault("") },
});

/** One decimal from a megabyte up, written as the person's language writes decimals. */
function formatSize(bytes: number | null, t: Translate<"kerio">, f: Formats): string {
  if (bytes === null) return "—";
  const tenths = (value: number) => f.number(Math.round(value * 10) / 10);
  if (bytes < 1024 ** 2) return t("mailUsers.size", { size: f.number(Math.round(bytes / 1024)), unit: "kb" });
  if (bytes < 1024 ** 3) return t("mailUsers.size", { size: tenths(bytes / 1024 ** 2), unit: "mb" });
  return t("mailUsers.size", { size: tenths(bytes / 1024 ** 3), unit: "gb" });
}

/** The last enable/disable that failed, shown on its row until the next one. */
type RowError = { id: string; message: string } | null;

function mailUserColumns(
  domainName: string,
  rowError: RowError,
  t: Translate<"kerio">,
  f: Formats,
): ColumnDef<MailUserDto, MailUserSort>[] {
  return [
    {
      id: "loginName",
      header: t("mailUsers.columns.loginName"),
      sort: "loginName",
      className: "font-mono",
      cell: (user) => (
        <>
          {user.loginName}@{domainName}
          {rowError?.id === user.id && (
            <p role="alert" className="mt-1 font-sans text-xs text-red-700 dark:text-red-400">
              {rowError.message}
            </p>
          )}
        </>
      ),
    },
    {
      id: "fullName",
      header: t("mailUsers.columns.fullName"),
      sort: "fullName",
      cell: (user) => user.fullName,
    },
    {
      id: "enabled",
      header: t("mailUsers.columns.enabled"),
      sort: "enabled",
      cell: (user) =>
        user.enabled ? (
          <Badge tone="good">{t("mailUsers.enabled")}</Badge>
        ) : (
          <Badge>{t("mailUsers.disabled")}</Badge>
        ),
    },
    {
      id: "size",
      header: t("mailUsers.columns.size"),
      sort: "size",
      cell: (user) => formatSize(user.consumedBytes, t, f),
    },
  ];
}

export interface MailUsersViewProps {
  connections: ConnectionChoice[];
  canWrite: boolean;
}

export function MailUsersView({ connections, canWrite }: MailUsersViewProps) {
  const t = useTranslations("kerio");
  const f = useFormats();
  const noun = useMemo(() => ({ one: t("mailUsers.noun.one"), other: t("mailUsers.noun.other") }), [t]);
  const { connectionId, choose } = useConnectionChoice(connections);
  const list = useListState(mailUserList, null);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<MailUserDto | null>(null);
  const [rowError, setRowError] = useState<RowError>(null);

  const domains = useQuery({ ...mailQueries.domains(connectionId), enabled: connectionId !== "" });
  const domainId = list.filters.domain || domains.data?.items[0]?.id || "";
  const users = useQuery({
    ...mailQueries.users(connectionId, {
      domainId,
      ...orderAndPage(list),
      ...(list.filters.q && { q: list.filters.q }),
    }),
    enabled: connectionId !== "" && domainId !== "",
  });
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: mailQueries.connection(connectionId) });
  const toggle = useMutation({
    mutationFn: (user: MailUserDto) =>
      callOperation("updateMailUser", {
        params: { connectionId, userId: user.id },
        body: { enabled: !user.enabled },
      }),
    onMutate: () => setRowError(null),
    onError: (error, user) => setRowError({ id: user.id, message: error.message }),
    onSettled: refresh,
  });

  const data = users.data;
  const domainName = domains.data?.items.find((domain) => domain.id === domainId)?.name ?? "";

  return (
    <ConnectionPage
      title={t("mailUsers.title")}
      description={t("mailUsers.description")}
      actions={
        canWrite && domainId ? (
          <Button onClick={() => setCreating(true)}>{t("mailUsers.new")}</Button>
        ) : undefined
      }
      connection={{
        kind: "kerio-connect",
        connections,
        connectionId,
        chooseConnection: (id) => {
          choose(id);
          // Domains are the other server's: start from its first one.
          list.setFilters({ domain: null });
        },
      }}
      filterColumns={3}
      filters={
        <>
          <SelectField
            label={t("mailUsers.domain")}
            value={domainId}
            onChange={(event) => list.setFilters({ domain: event.currentTarget.value })}
            options={(domains.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
          <ListSearch
            label={t("mailUsers.search")}
            value={list.filters.q}
            placeholder={t("mailUsers.searchPlaceholder")}
            onSearch={(q) => list.setFilters({ q })}
          />
        </>
      }
    >
      <QueryErrorState query={domains} />
      {domainId && (
        <DataTable
          label={t("mailUsers.label")}
          source={{ list, rows: data?.items, query: users, total: data?.totalItems }}
          columns={mailUserColumns(domainName, rowError, t, f)}
          empty={<EmptyState title={t("mailUsers.empty")}>{t("mailUsers.emptyText")}</EmptyState>}
          noun={noun}
          countTestId="mail-user-count"
          rowKey={(user) => user.id}
          rowTestId={(user) => `mail-user-${user.loginName}`}
          actions={
            canWrite
              ? (user) => (
                  <>
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate(user)}
                    >
                      {user.enabled ? t("mailUsers.disable") : t("mailUsers.enable")}
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setRemoving(user)}>
                      {t("mailUsers.remove")}
                    </Button>
                  </>
                )
              : undefined
          }
        />
      )}
      {creating && (
        <CreateMailUserDialog
          connectionId={connectionId}
          domainId={domainId}
          domainName={domainName}
          onDone={() => {
            setCreating(false);
            refresh();
          }}
        />
      )}
      {removing && (
        <RemoveMailUserDialog
          connectionId={connectionId}
          user={removing}
          onDone={() => {
            setRemoving(null);
            refresh();
          }}
        />
      )}
    </ConnectionPage>
  );
}

function CreateMailUserDialog({
  connectionId,
  domainId,
  domainName,
  onDone,
}: {
  connectionId: string;
  domainId: string;
  domainName: string;
  onDone: () => void;
}) {
  const t = useTranslations("kerio");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: CreateMailUserInput) =>
      callOperation("createMailUser", { params: { connectionId }, body }),
    onSuccess: onDone,
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : error.message);
    },
  });
  return (
    <Dialog open title={t("mailUsers.create.title", { domain: domainName })} onClose={onDone}>
      <form
        aria-label={t("mailUsers.create.form")}
        className="space-y-3"
        onSubmit={submitWith((form) =>
          save.mutate({
            domainId,
            loginName: String(form.get("loginName") ?? ""),
            fullName: String(form.get("fullName") ?? ""),
            password: String(form.get("password") ?? ""),
            enabled: form.get("enabled") === "on",
          }),
        )}
      >
        <TextField
          label={t("mailUsers.create.loginName")}
          name="loginName"
          required
          error={errors.loginName}
        />
        <TextField label={t("mailUsers.create.fullName")} name="fullName" error={errors.fullName} />
        <TextField
          label={t("mailUsers.create.password")}
          name="password"
          type="password"
          required
          error={errors.password}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked /> {t("mailUsers.create.enabled")}
        </label>
        {errors.enabled && (
          <p role="alert" className="text-sm text-red-700">
            {errors.enabled}
          </p>
        )}
        {formError && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("mailUsers.create.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("mailUsers.create.creating") : t("mailUsers.create.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveMailUserDialog({
  connectionId,
  user,
  onDone,
}: {
  connectionId: string;
  user: MailUserDto;
  onDone: () => void;
}) {
  const t = useTranslations("kerio");
  const [mode, setMode] = useState<MailRemovalMode>("keepFolder");
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () =>
      callOperation("removeMailUser", {
        params: { connectionId, userId: user.id },
        query: { mode, confirm: typed },
      }),
    onSuccess: onDone,
  });
  return (
    <Dialog open title={t("mailUsers.removal.title", { login: user.loginName })} onClose={onDone}>
      <form
        aria-label={t("mailUsers.removal.form")}
        className="space-y-3"
        onSubmit={submitWith(() => remove.mutate())}
      >
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t("mailUsers.removal.mailbox")}</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              checked={mode === "keepFolder"}
              onChange={() => setMode("keepFolder")}
            />
            {t("mailUsers.removal.keepFolder")}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              checked={mode === "deleteMailbox"}
              onChange={() => setMode("deleteMailbox")}
            />
            {t("mailUsers.removal.deleteMailbox")}
          </label>
        </fieldset>
        <TextField
          label={t("mailUsers.removal.confirm", { login: user.loginName })}
          name="confirm"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
        />
        {remove.isError && (
          <p role="alert" className="text-sm text-red-700">
            {remove.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("mailUsers.removal.cancel")}
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== user.loginName || remove.isPending}>
            {remove.isPending ? t("mailUsers.removal.removing") : t("mailUsers.removal.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
