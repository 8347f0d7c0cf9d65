"use client";

import { parseAsString, useQueryState } from "nuqs";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { CONNECTION_KIND_LABELS, type ConnectionChoice, type ConnectionKind } from "@/lib/connection-kinds";

export interface ConnectionChoiceControls {
  /** The connection the URL names, else the first one; "" when there is none. */
  connectionId: string;
  connection: ConnectionChoice | undefined;
  /** Picks another connection; its rows, filters and page are another appliance's, so the caller resets them. */
  choose: (id: string) => void;
}

/** The page's connection, from `?connection=` (shareable), among those the server passed in. */
export function useConnectionChoice(connections: readonly ConnectionChoice[]): ConnectionChoiceControls {
  const [requested, setRequested] = useQueryState("connection", parseAsString.withDefault(""));
  // A link naming a connection that was removed (or never existed) shows the first one, not an error.
  const connection = connections.find((item) => item.id === requested) ?? connections[0];
  return {
    connectionId: connection?.id ?? "",
    connection,
    choose: (id) => void setRequested(id),
  };
}

export interface ConnectionPickerProps {
  /** What the appliance is to the person: "PBX", "Mail server", "Firewall". */
  label: string;
  connections: readonly ConnectionChoice[];
  value: string;
  onChange: (id: string) => void;
}

export function ConnectionPicker({ label, connections, value, onChange }: ConnectionPickerProps) {
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      options={connections.map((item) => ({ value: item.id, label: item.name }))}
    />
  );
}

/** The page of a kind with no connection yet: say who can fix it and where. */
export function NoConnectionState({ kind }: { kind: ConnectionKind }) {
  const t = useTranslations("connections");
  return (
    <EmptyState title={t("noConnection.title", { kind: CONNECTION_KIND_LABELS[kind] })}>
      {t("noConnection.text")}
    </EmptyState>
  );
}
