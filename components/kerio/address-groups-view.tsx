"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import { ColumnTable } from "@/components/data-table/column-table";
import type { ColumnDef } from "@/components/data-table/columns";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type {
  AddressEntryChangeDto,
  AddressEntryDto,
  AddressGroupDto,
  CreateAddressEntryInput,
  TimeRangeDto,
} from "@/lib/api/kerio-control";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { firewallQueries } from "@/lib/client/queries/kerio-control";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import type { Translate } from "@/lib/i18n/translator";
import { ADDRESS_ENTRY_TYPES, type AddressEntryType } from "@/lib/kerio-control-vocabulary";

/** What an entry holds, as the firewall writes addresses (only "this machine" is words). */
function entryValue(entry: AddressEntryDto, t: Translate<"kerio">): string {
  switch (entry.type) {
    case "Host":
    case "IpPrefix":
      return entry.host;
    case "Network":
      return `${entry.addr1} / ${entry.addr2}`;
    case "Range":
      return `${entry.addr1} – ${entry.addr2}`;
    case "ChildGroup":
      return entry.childGroupName;
    default:
      return t("addressGroups.thisMachine");
  }
}

function useEntryColumns(): readonly ColumnDef<AddressEntryDto>[] {
  const t = useTranslations("kerio");
  return useMemo(
    () => [
      {
        id: "type",
        header: t("addressGroups.columns.type"),
        cell: (entry) => t(`addressGroups.types.${entry.type}`),
      },
      {
        id: "value",
        header: t("addressGroups.columns.value"),
        className: "font-mono",
        cell: (entry) => entryValue(entry, t),
      },
      {
        id: "description",
        header: t("addressGroups.columns.description"),
        cell: (entry) => entry.description,
      },
      {
        id: "status",
        header: t("addressGroups.columns.status"),
        cell: (entry) => (
          <>
            {entry.enabled ? (
              <Badge tone="good">{t("addressGroups.enabled")}</Badge>
            ) : (
              <Badge>{t("addressGroups.disabled")}</Badge>
            )}
            {entry.pending && <Badge tone="warn">{t("addressGroups.notApplied")}</Badge>}
          </>
        ),
      },
    ],
    [t],
  );
}

function useTimeRangeColumns(): readonly ColumnDef<TimeRangeDto>[] {
  const t = useTranslations("kerio");
  return useMemo(
    () => [
      { id: "group", header: t("addressGroups.timeRangeColumns.group"), cell: (range) => range.groupName },
      { id: "type", header: t("addressGroups.timeRangeColumns.type"), cell: (range) => range.type },
      { id: "when", header: t("addressGroups.timeRangeColumns.when"), cell: (range) => range.summary },
      {
        id: "description",
        header: t("addressGroups.timeRangeColumns.description"),
        cell: (range) => range.description,
      },
    ],
    [t],
  );
}

/** The last change's outcome: "applied and confirmed" or the exact failed step, until the next change. */
type Outcome = { ok: true; message: string } | { ok: false; message: string };

export interface AddressGroupsViewProps {
  connections: ConnectionChoice[];
  canWrite: boolean;
}

type EntryChange = "changed" | "removed";

/** The groups with `entry` in its group, where it stood or last (it may have moved), or nowhere once removed. */
function placeEntry(
  groups: AddressGroupDto[],
  entry: AddressEntryDto,
  change: EntryChange,
): AddressGroupDto[] {
  return groups.map((group) => {
    const others = group.entries.filter((item) => item.id !== entry.id);
    if (change === "removed" || group.id !== entry.groupId) return { ...group, entries: others };
    const at = group.entries.findIndex((item) => item.id === entry.id);
    return {
      ...group,
      entries:
        at < 0 ? [...others, entry] : group.entries.map((item) => (item.id === entry.id ? entry : item)),
    };
  });
}

export function AddressGroupsView({ connections, canWrite }: AddressGroupsViewProps) {
  const t = useTranslations("kerio");
  const entryColumns = useEntryColumns();
  const timeRangeColumns = useTimeRangeColumns();
  const { connectionId, choose } = useConnectionChoice(connections);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AddressEntryDto | "new" | null>(null);
  const [removing, setRemoving] = useState<{ entry: AddressEntryDto; cutOff: string | null } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const groups = useQuery({ ...firewallQueries.groups(connectionId), enabled: connectionId !== "" });
  const timeRanges = useQuery({ ...firewallQueries.timeRanges(connectionId), enabled: connectionId !== "" });
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: firewallQueries.connection(connectionId) });
  /**
   * The firewall's answer goes into the cached groups at once: until they are fetched again, an Edit opened or a
   * toggle pressed must start from what the firewall now holds.
   */
  const report = (result: AddressEntryChangeDto, change: EntryChange) => {
    queryClient.setQueryData(
      firewallQueries.groups(connectionId).queryKey,
      (list) => list && { groups: placeEntry(list.groups, result.entry, change) },
    );
    setOutcome({ ok: true, message: result.apply.message });
  };
  const fail = (error: Error) => setOutcome({ ok: false, message: error.message });

  const toggle = useMutation({
    mutationFn: (entry: AddressEntryDto) =>
      callOperation("updateAddressGroupEntry", {
        params: { connectionId, entryId: entry.id },
        body: { enabled: !entry.enabled },
      }),
    onMutate: () => setOutcome(null),
    onSuccess: (result) => report(result, "changed"),
    onError: fail,
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ entry, acknowledge }: { entry: AddressEntryDto; acknowledge: boolean }) =>
      callOperation("removeAddressGroupEntry", {
        params: { connectionId, entryId: entry.id },
        query: acknowledge ? { acknowledgeCutOff: "true" } : {},
      }),
    onMutate: () => setOutcome(null),
    onSuccess: (result) => {
      setRemoving(null);
      report(result, "removed");
    },
    onError: (error, { entry }) => {
      // Kerio's own lock-out check answered: show its warning and ask again before going ahead.
      if (error instanceof ApiRequestError && error.code === "cut_off") {
        setRemoving({ entry, cutOff: error.message });
        return;
      }
      setRemoving(null);
      fail(error);
    },
    onSettled: refresh,
  });

  const allGroups = groups.data?.groups ?? [];
  const entryActions = (entry: AddressEntryDto) => (
    <>
      <Button variant="ghost" size="sm" onClick={() => setEditing(entry)}>
        {t("addressGroups.edit")}
      </Button>
      <Button variant="ghost" size="sm" disabled={toggle.isPending} onClick={() => toggle.mutate(entry)}>
        {entry.enabled ? t("addressGroups.disable") : t("addressGroups.enable")}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setRemoving({ entry, cutOff: null })}>
        {t("addressGroups.remove")}
      </Button>
    </>
  );
  return (
    <ConnectionPage
      title={t("addressGroups.title")}
      description={t("addressGroups.description")}
      actions={
        canWrite ? <Button onClick={() => setEditing("new")}>{t("addressGroups.add")}</Button> : undefined
      }
      connection={{
        kind: "kerio-control",
        connections,
        connectionId,
        chooseConnection: (id) => {
          setOutcome(null);
          choose(id);
        },
      }}
    >
      {outcome && (
        <p
          role="status"
          data-testid="apply-outcome"
          className={`mb-4 rounded-md border p-3 text-sm ${outcome.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {outcome.message}
        </p>
      )}
      {groups.isPending && <TableSkeleton rows={8} />}
      <QueryErrorState query={groups} />
      {allGroups.map((group) => (
        <section key={group.id} aria-label={t("addressGroups.group", { name: group.name })} className="mb-6">
          <h2 className="mb-2 text-base font-semibold">{group.name}</h2>
          <ColumnTable
            label={t("addressGroups.entriesOf", { name: group.name })}
            columns={entryColumns}
            rows={group.entries}
            rowKey={(entry) => entry.id}
            rowTestId={(entry) => `address-entry-${entry.id}`}
            actions={canWrite ? entryActions : undefined}
          />
        </section>
      ))}
      <section aria-label={t("addressGroups.timeRanges")} className="mt-8">
        <h2 className="mb-2 text-lg font-semibold">{t("addressGroups.timeRanges")}</h2>
        <QueryErrorState query={timeRanges} />
        {timeRanges.data && (
          <ColumnTable
            label={t("addressGroups.timeRanges")}
            columns={timeRangeColumns}
            rows={timeRanges.data.items}
            rowKey={(range) => range.id}
          />
        )}
      </section>
      {editing && (
        <AddressEntryDialog
          connectionId={connectionId}
          entry={editing === "new" ? undefined : editing}
          groups={allGroups.map((group) => ({ id: group.id, name: group.name }))}
          onClose={() => setEditing(null)}
          onSaved={(result) => {
            setEditing(null);
            report(result, "changed");
            refresh();
          }}
          onFailed={(error) => {
            setEditing(null);
            fail(error);
            refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={removing?.cutOff ? t("addressGroups.cutOffTitle") : t("addressGroups.removeTitle")}
        message={
          removing?.cutOff ? (
            <p role="alert">{removing.cutOff}</p>
          ) : (
            <p>
              {messageParts(t("addressGroups.removeMessage"), {
                value: <strong>{removing ? entryValue(removing.entry, t) : ""}</strong>, // literal: names of the parts, no text
                group: <strong>{removing?.entry.groupName}</strong>,
              })}
            </p>
          )
        }
        confirmLabel={removing?.cutOff ? t("addressGroups.removeAnyway") : t("addressGroups.remove")}
        danger
        pending={remove.isPending}
        onConfirm={() =>
          removing && remove.mutate({ entry: removing.entry, acknowledge: removing.cutOff !== null })
        }
        onClose={() => setRemoving(null)}
      />
    </ConnectionPage>
  );
}

function AddressEntryDialog({
  connectionId,
  entry,
  groups,
  onClose,
  onSaved,
  onFailed,
}: {
  connectionId: string;
  entry?: AddressEntryDto;
  groups: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (result: AddressEntryChangeDto) => void;
  onFailed: (error: Error) => void;
}) {
  const t = useTranslations("kerio");
  const [type, setType] = useState<AddressEntryType>(entry?.type ?? "Host");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: CreateAddressEntryInput) =>
      entry
        ? callOperation("updateAddressGroupEntry", { params: { connectionId, entryId: entry.id }, body })
        : callOperation("createAddressGroupEntry", { params: { connectionId }, body }),
    onSuccess: onSaved,
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      if (Object.keys(fields).length > 0) setErrors(fields);
      else onFailed(error);
    },
  });
  const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
  return (
    <Dialog
      open
      title={
        entry
          ? t("addressGroups.entry.editTitle", { group: entry.groupName })
          : t("addressGroups.entry.addTitle")
      }
      onClose={onClose}
    >
      <form
        aria-label={t("addressGroups.entry.form")}
        className="space-y-3"
        onSubmit={submitWith((form) => {
          const group = text(form, "group");
          const values =
            type === "Host" || type === "IpPrefix"
              ? { host: text(form, "host") }
              : type === "Network" || type === "Range"
                ? { addr1: text(form, "addr1"), addr2: text(form, "addr2") }
                : type === "ChildGroup"
                  ? { childGroupId: text(form, "childGroupId") }
                  : {};
          save.mutate({
            ...(!entry && (group === "" ? { groupName: text(form, "groupName") } : { groupId: group })),
            type,
            ...values,
            description: text(form, "description"),
          });
        })}
      >
        {!entry && (
          <>
            <SelectField
              label={t("addressGroups.entry.group")}
              name="group"
              defaultValue={groups[0]?.id ?? ""}
              options={[
                ...groups.map((group) => ({ value: group.id, label: group.name })),
                { value: "", label: t("addressGroups.entry.newGroup") },
              ]}
            />
            <TextField
              label={t("addressGroups.entry.newGroupName")}
              name="groupName"
              hint={t("addressGroups.entry.newGroupHint")}
              error={errors.groupName}
            />
          </>
        )}
        <SelectField
          label={t("addressGroups.entry.type")}
          name="type"
          value={type}
          onChange={(event) => setType(event.currentTarget.value as AddressEntryType)}
          options={ADDRESS_ENTRY_TYPES.map((value) => ({ value, label: t(`addressGroups.types.${value}`) }))}
        />
        {(type === "Host" || type === "IpPrefix") && (
          <TextField
            label={type === "Host" ? t("addressGroups.entry.host") : t("addressGroups.entry.prefix")}
            name="host"
            defaultValue={entry?.host}
            error={errors.host}
          />
        )}
        {(type === "Network" || type === "Range") && (
          <>
            <TextField
              label={type === "Network" ? t("addressGroups.entry.network") : t("addressGroups.entry.from")}
              name="addr1"
              defaultValue={entry?.addr1}
              error={errors.addr1}
            />
            <TextField
              label={type === "Network" ? t("addressGroups.entry.mask") : t("addressGroups.entry.to")}
              name="addr2"
              defaultValue={entry?.addr2}
              error={errors.addr2}
            />
          </>
        )}
        {type === "ChildGroup" && (
          <SelectField
            label={t("addressGroups.entry.childGroup")}
            name="childGroupId"
            defaultValue={entry?.childGroupId}
            options={groups.map((group) => ({ value: group.id, label: group.name }))}
          />
        )}
        <TextField
          label={t("addressGroups.entry.description")}
          name="description"
          defaultValue={entry?.description}
          error={errors.description}
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("addressGroups.entry.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("addressGroups.entry.applying") : t("addressGroups.entry.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
