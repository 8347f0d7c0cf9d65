import { describe, expect, it } from "vitest";
import type { ConnectionKind } from "@/lib/connection-kinds";
import { can, type Permission } from "@/lib/permissions";
import { type Holds, plannedSearches } from "./console-search";

const connections: { id: string; name: string; kind: ConnectionKind }[] = [
  { id: "pbx-a", name: "PBX A", kind: "kerio-operator" },
  { id: "pbx-b", name: "PBX B", kind: "kerio-operator" },
  { id: "mail", name: "Mail", kind: "kerio-connect" },
  { id: "wifi", name: "Wi-Fi", kind: "kiwire" },
  { id: "help", name: "Helpdesk", kind: "kayako" },
  { id: "calls", name: "Calls", kind: "kalliope" },
];

const planned = (holds: Holds, query: string) =>
  plannedSearches(holds, connections, query).map(
    ({ intent, connection }) => `${intent.kind}@${connection.id}`,
  );
const viewer: Holds = (permission) => can("viewer", permission);
const without =
  (...missing: Permission[]): Holds =>
  (permission) =>
    !missing.includes(permission);

describe("which connections a search asks", () => {
  it("asks every connection of each kind the query can mean", () => {
    expect(planned(viewer, "205")).toEqual([
      "extension@pbx-a",
      "extension@pbx-b",
      "ticket@help",
      "voucher@wifi",
      "hotspotUser@wifi",
    ]);
    expect(planned(viewer, "1463997154.0")).toEqual(["call@calls", "voucher@wifi", "hotspotUser@wifi"]);
  });

  it("asks no connection for text no appliance can answer", () => {
    expect(planned(viewer, "a")).toEqual([]);
  });

  it("asks a kind only of a caller with that kind's read permission", () => {
    expect(planned(without("tickets.read"), "205")).not.toContain("ticket@help");
    expect(planned(without("tickets.read"), "205")).toContain("extension@pbx-a");
    expect(planned(without("hotspot.read"), "205")).toEqual([
      "extension@pbx-a",
      "extension@pbx-b",
      "ticket@help",
      "voucher@wifi",
    ]);
    expect(planned(without("vouchers.read", "extensions.read"), "205")).toEqual([
      "ticket@help",
      "hotspotUser@wifi",
    ]);
    expect(planned(without("calls.read"), "1463997154.0")).not.toContain("call@calls");
    expect(planned(() => false, "205")).toEqual([]);
  });
});
