import type { SimClock } from "../shared/clock";
import type { Random } from "../shared/random";
import { inNetwork, inPrefix, inRange, isLoopback } from "./ip-address";

/**
 * Kerio Control's IP address groups with its two-stage configuration (notes §6): create/set/remove change a
 * cached working copy ("update waiting for apply()"); `IpAddressGroups.apply` writes it to the configuration
 * and arms cut-off prevention; the client must then confirm with `Session.getConfigTimestamp` +
 * `Session.confirmConfig` before the timeout, or the configuration from before the apply comes back.
 *
 * The simulator also enforces what cut-off prevention protects against: the remote-administration group
 * lists the addresses allowed to reach the admin API, and a request from any other address is dropped
 * (the connection is closed), exactly as a locked-out administrator experiences it, until the revert.
 */

export type IpEntryType = "Host" | "Network" | "Range" | "ChildGroup" | "ThisMachine" | "IpPrefix";

export const IP_ENTRY_TYPES: readonly IpEntryType[] = [
  "Host",
  "Network",
  "Range",
  "ChildGroup",
  "ThisMachine",
  "IpPrefix",
];

export interface IpEntry {
  id: string;
  groupId: string;
  groupName: string;
  description: string;
  type: IpEntryType;
  enabled: boolean;
  host: string;
  addr1: string;
  addr2: string;
  childGroupId: string;
}

export type StoreStatus = "StoreStatusClean" | "StoreStatusModified" | "StoreStatusNew";

export type ApplyStatus = "none" | "pending" | "confirmed" | "reverted";

/** What the tests read to learn how the last apply ended. */
export interface ApplyState {
  status: ApplyStatus;
  /** Simulator clock (ms) of the last apply that changed something; null before any. */
  appliedAt: number | null;
  /** When the pending apply reverts if not confirmed. */
  deadline: number | null;
  confirmedAt: number | null;
  revertedAt: number | null;
  /** Applies since start, counting only those that changed the configuration. */
  applies: number;
}

interface PendingConfirmation {
  name: string;
  timestamp: number;
  deadline: number;
  /** The configuration to restore: the last confirmed one, even across several unconfirmed applies. */
  previous: IpEntry[];
}

export interface TimeRangeEntry {
  id: string;
  groupId: string;
  sharedId: string;
  groupName: string;
  description: string;
  type: "TimeRangeDaily" | "TimeRangeWeekly" | "TimeRangeAbsolute" | "TimeRangeChildGroup";
  enabled: boolean;
  status: StoreStatus;
  fromTime: { hour: number; min: number };
  toTime: { hour: number; min: number };
  days: string[];
  fromDay: string;
  toDay: string;
  fromDate: { year: number; month: number; day: number };
  toDate: { year: number; month: number; day: number };
  childGroupId: string;
  childGroupName: string;
}

function clone(entries: readonly IpEntry[]): IpEntry[] {
  return entries.map((entry) => ({ ...entry }));
}

function sameEntry(left: IpEntry, right: IpEntry): boolean {
  return (Object.keys(left) as Array<keyof IpEntry>).every((key) => left[key] === right[key]);
}

export class ControlStore {
  committed: IpEntry[];
  working: IpEntry[];
  pending: PendingConfirmation | null = null;
  readonly applyState: ApplyState = {
    status: "none",
    appliedAt: null,
    deadline: null,
    confirmedAt: null,
    revertedAt: null,
    applies: 0,
  };
  private nextEntryId: number;
  private nextGroupId: number;
  private nextTemporaryId = 1;
  private lastTimestamp = 0;
  /**
   * Variant `createdIds: "temporary"` (Kerio's IDL: an id is "assigned by the manager to temporary value
   * until apply() or reset()"): created entries carry `tmp-N` in the working copy and get their real id at
   * apply. Mutable while running.
   */
  temporaryIds = false;

  constructor(
    private readonly clock: SimClock,
    entries: IpEntry[],
    readonly timeRanges: TimeRangeEntry[],
    /** Group whose members may reach the admin API; null turns the restriction off. */
    public remoteAdminGroupId: string | null,
    /** How long an apply waits for Session.confirmConfig; mutable while running. */
    public confirmTimeoutMs: number,
  ) {
    this.committed = clone(entries);
    this.working = clone(entries);
    this.nextEntryId = Math.max(1000, ...entries.map((entry) => Number(entry.id) + 1));
    this.nextGroupId = Math.max(100, ...entries.map((entry) => Number(entry.groupId) + 1));
  }

  newEntryId(): string {
    const id = String(this.nextEntryId);
    this.nextEntryId += 1;
    return id;
  }

  /** The id a created entry carries until apply: a final one, or a temporary one under that variant. */
  newCreatedId(): string {
    if (!this.temporaryIds) return this.newEntryId();
    const id = `tmp-${this.nextTemporaryId}`;
    this.nextTemporaryId += 1;
    return id;
  }

  newGroupId(): string {
    const id = String(this.nextGroupId);
    this.nextGroupId += 1;
    return id;
  }

  /** Reverts a pending apply whose time is up. Called before every request and every test-hook read. */
  tick(): void {
    if (!this.pending || this.clock.now() <= this.pending.deadline) return;
    this.committed = clone(this.pending.previous);
    this.working = clone(this.pending.previous);
    this.pending = null;
    this.applyState.status = "reverted";
    this.applyState.revertedAt = this.clock.now();
  }

  status(entry: IpEntry): StoreStatus {
    const committed = this.committed.find((candidate) => candidate.id === entry.id);
    if (!committed) return "StoreStatusNew";
    return sameEntry(committed, entry) ? "StoreStatusClean" : "StoreStatusModified";
  }

  hasPendingChanges(): boolean {
    if (this.working.length !== this.committed.length) return true;
    return this.working.some((entry) => this.status(entry) !== "StoreStatusClean");
  }

  /** Groups present in an entry set, by id, sorted by name as getGroupList returns them. */
  groups(entries: readonly IpEntry[] = this.working): Array<{ id: string; name: string }> {
    const byId = new Map<string, string>();
    for (const entry of entries) if (!byId.has(entry.groupId)) byId.set(entry.groupId, entry.groupName);
    return [...byId]
      .map(([id, name]) => ({ id, name }))
      .sort((left, right) => left.name.localeCompare(right.name, "en", { sensitivity: "base" }));
  }

  groupName(groupId: string, entries: readonly IpEntry[] = this.working): string {
    return entries.find((entry) => entry.groupId === groupId)?.groupName ?? "";
  }

  /** Whether `address` is a member of the group in the given configuration (child groups resolved). */
  contains(entries: readonly IpEntry[], groupId: string, address: string, seen = new Set<string>()): boolean {
    if (seen.has(groupId)) return false;
    seen.add(groupId);
    return entries.some(
      (entry) =>
        entry.groupId === groupId && entry.enabled && this.entryMatches(entries, entry, address, seen),
    );
  }

  private entryMatches(
    entries: readonly IpEntry[],
    entry: IpEntry,
    address: string,
    seen: Set<string>,
  ): boolean {
    switch (entry.type) {
      case "Host":
        return entry.host.toLowerCase() === address.toLowerCase();
      case "Network":
        return inNetwork(address, entry.addr1, entry.addr2);
      case "Range":
        return inRange(address, entry.addr1, entry.addr2);
      case "IpPrefix":
        return inPrefix(address, entry.host);
      case "ThisMachine":
        return isLoopback(address);
      case "ChildGroup":
        return this.contains(entries, entry.childGroupId, address, seen);
    }
    return false;
  }

  /** Would an administrator at `address` still reach the admin API under this configuration? */
  allowsAdmin(entries: readonly IpEntry[], address: string): boolean {
    if (this.remoteAdminGroupId === null) return true;
    return this.contains(entries, this.remoteAdminGroupId, address);
  }

  /** Gate for every request: the committed configuration decides, as on the appliance. */
  admits(address: string): boolean {
    this.tick();
    return this.allowsAdmin(this.committed, address);
  }

  apply(): void {
    if (!this.hasPendingChanges()) return;
    // Temporary ids are gone after apply: each such entry gets a real, different id.
    this.working = this.working.map((entry) =>
      entry.id.startsWith("tmp-") ? { ...entry, id: this.newEntryId() } : entry,
    );
    const now = this.clock.now();
    // Timestamps must differ between applies even within one second, or a stale confirm would match.
    this.lastTimestamp = Math.max(this.lastTimestamp + 1, Math.floor(now / 1000));
    this.pending = {
      name: "IpAddressGroups",
      timestamp: this.lastTimestamp,
      deadline: now + this.confirmTimeoutMs,
      previous: this.pending ? this.pending.previous : clone(this.committed),
    };
    this.committed = clone(this.working);
    Object.assign(this.applyState, {
      status: "pending",
      appliedAt: now,
      deadline: this.pending.deadline,
      confirmedAt: null,
      revertedAt: null,
      applies: this.applyState.applies + 1,
    });
  }

  reset(): void {
    this.working = clone(this.committed);
  }

  clientTimestampList(): Array<{ name: string; timestamp: number }> {
    this.tick();
    return this.pending ? [{ name: this.pending.name, timestamp: this.pending.timestamp }] : [];
  }

  confirm(list: ReadonlyArray<{ name: string; timestamp: number }>): boolean {
    this.tick();
    const pending = this.pending;
    if (!pending) return false;
    if (!list.some((item) => item.name === pending.name && item.timestamp === pending.timestamp))
      return false;
    this.pending = null;
    this.applyState.status = "confirmed";
    this.applyState.confirmedAt = this.clock.now();
    this.applyState.deadline = null;
    return true;
  }
}

export interface ControlSeedOptions {
  /** Rough total of IP address entries; the "Blocked hosts" group takes up the slack. */
  ipAddressEntries: number;
}

export const REMOTE_ADMIN_GROUP_NAME = "Remote administration";

export function seedControl(
  random: Random,
  clock: SimClock,
  options: ControlSeedOptions,
  restrictRemoteAdmin: boolean,
  confirmTimeoutMs: number,
): ControlStore {
  const entries: IpEntry[] = [];
  let entryId = 1000;
  const groupIds = new Map<string, string>();
  let groupCounter = 100;
  const groupId = (name: string) => {
    let id = groupIds.get(name);
    if (!id) {
      id = String(groupCounter);
      groupCounter += 1;
      groupIds.set(name, id);
    }
    return id;
  };
  const add = (groupName: string, type: IpEntryType, values: Partial<IpEntry>, description = "") => {
    entries.push({
      id: String(entryId),
      groupId: groupId(groupName),
      groupName,
      description,
      type,
      enabled: true,
      host: "",
      addr1: "",
      addr2: "",
      childGroupId: "",
      ...values,
    });
    entryId += 1;
  };
  const workstations = "Admin workstations";
  add(REMOTE_ADMIN_GROUP_NAME, "Host", { host: "127.0.0.1" }, "Loopback (this console)");
  add(REMOTE_ADMIN_GROUP_NAME, "Host", { host: "::1" }, "Loopback IPv6");
  add(REMOTE_ADMIN_GROUP_NAME, "IpPrefix", { host: "10.8.0.0/24" }, "VPN clients");
  add(REMOTE_ADMIN_GROUP_NAME, "Network", { addr1: "172.16.0.0", addr2: "255.240.0.0" }, "Lab networks");
  add(REMOTE_ADMIN_GROUP_NAME, "Range", { addr1: "192.168.1.10", addr2: "192.168.1.20" }, "IT office");
  add(REMOTE_ADMIN_GROUP_NAME, "ChildGroup", { childGroupId: groupId(workstations) }, "Admin PCs");
  add(workstations, "Host", { host: "192.168.10.5" }, "Helpdesk PC");
  add(workstations, "Host", { host: "admin-laptop.example.com" }, "Admin laptop");
  add("Firewall", "ThisMachine", {}, "The firewall itself");
  add("Trusted partners", "Network", { addr1: "203.0.113.0", addr2: "255.255.255.0" }, "Partner A");
  add("Trusted partners", "IpPrefix", { host: "198.51.100.0/25" }, "Partner B");
  add("Guest Wi-Fi", "Range", { addr1: "192.168.50.100", addr2: "192.168.50.250" }, "DHCP pool");
  add("Mail servers", "Host", { host: "mail.example.com" }, "Kerio Connect");
  add("Mail servers", "Host", { host: "192.168.1.25" }, "Backup MX");
  while (entries.length < options.ipAddressEntries) {
    add(
      "Blocked hosts",
      "Host",
      { host: `198.18.${random.int(0, 255)}.${random.int(1, 254)}` },
      "Login guessing",
    );
  }
  // Random draws can repeat a host; a group never holds the same value twice, so drop repeats.
  const seen = new Set<string>();
  const unique = entries.filter((entry) => {
    const key = `${entry.groupId}|${entry.type}|${entry.host}|${entry.addr1}|${entry.addr2}|${entry.childGroupId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const adminGroupId = restrictRemoteAdmin ? (groupIds.get(REMOTE_ADMIN_GROUP_NAME) ?? null) : null;
  return new ControlStore(clock, unique, seedTimeRanges(), adminGroupId, confirmTimeoutMs);
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

function seedTimeRanges(): TimeRangeEntry[] {
  const base = {
    sharedId: "",
    enabled: true,
    status: "StoreStatusClean" as const,
    fromTime: { hour: 0, min: 0 },
    toTime: { hour: 23, min: 59 },
    days: [] as string[],
    fromDay: "Monday",
    toDay: "Sunday",
    fromDate: { year: 2025, month: 0, day: 1 },
    toDate: { year: 2025, month: 0, day: 1 },
    childGroupId: "",
    childGroupName: "",
  };
  return [
    {
      ...base,
      id: "1",
      groupId: "1",
      groupName: "Working hours",
      description: "Office hours",
      type: "TimeRangeDaily",
      fromTime: { hour: 8, min: 0 },
      toTime: { hour: 17, min: 0 },
      days: WEEKDAYS,
    },
    {
      ...base,
      id: "2",
      groupId: "2",
      groupName: "Weekend",
      description: "",
      type: "TimeRangeWeekly",
      fromDay: "Saturday",
      toDay: "Sunday",
    },
    {
      ...base,
      id: "3",
      groupId: "3",
      groupName: "Lunch break",
      description: "",
      type: "TimeRangeDaily",
      fromTime: { hour: 12, min: 0 },
      toTime: { hour: 13, min: 0 },
      days: [...WEEKDAYS, "Saturday", "Sunday"],
    },
    {
      ...base,
      id: "4",
      groupId: "4",
      groupName: "Maintenance window",
      description: "Yearly hardware check",
      type: "TimeRangeAbsolute",
      fromTime: { hour: 22, min: 0 },
      toTime: { hour: 23, min: 30 },
      fromDate: { year: 2025, month: 5, day: 14 },
      toDate: { year: 2025, month: 5, day: 14 },
    },
    {
      ...base,
      id: "5",
      groupId: "5",
      groupName: "Outside working hours",
      description: "",
      type: "TimeRangeChildGroup",
      childGroupId: "2",
      childGroupName: "Weekend",
    },
  ];
}
