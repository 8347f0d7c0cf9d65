import {
  type ControlStore,
  IP_ENTRY_TYPES,
  type IpEntry,
  type IpEntryType,
  type StoreStatus,
  type TimeRangeEntry,
} from "./control-store";
import { isValidHost, parseIpv4, parseMask, parsePrefix } from "./ip-address";
import type { CallContext, MethodHandler } from "./json-rpc-server";
import {
  isObject,
  optionalBoolean,
  optionalString,
  type Params,
  requireArray,
  requireNoParams,
  requireObject,
  requireStringList,
} from "./params";
import { parseQuery, projectFields, type QuerySchema, runQuery } from "./query";
import { type ItemError, invalidParams, itemError, type KerioMessage } from "./rpc-errors";
import { DEFAULT_CONTROL_VARIANT, type KerioControlVariant } from "./variants";

/** Control messages; the two marked [C] are quoted by the IDL (S16), the rest are ours. */
export const CONTROL_MESSAGES = {
  /** [C] IDL IpAddressGroups.create/set. */
  duplicate: { code: 1001, message: "This address group already exists!" },
  /** [C] IDL IpAddressGroups.validateRemove/validateSet; the code is not documented (ours). */
  cutOff: { code: 1000, message: "You will be cut off from remote administration!" },
  entryNotFound: { code: 1002, message: "Address group item %1 does not exist." },
  groupNotFound: { code: 1002, message: "Address group %1 does not exist." },
  groupNameRequired: { code: 1000, message: "The name of a new address group must not be empty." },
  invalidAddress: { code: 1000, message: "The address %1 is not valid." },
  invalidRange: { code: 1000, message: "The range %1 - %2 is not valid." },
  childLoop: { code: 1000, message: "The address group %1 cannot contain itself." },
} as const satisfies Record<string, KerioMessage>;

type EntryView = IpEntry & { sharedId: string; status: StoreStatus; childGroupName: string };

const ENTRY_SCHEMA: QuerySchema<EntryView> = {
  columns: {
    id: (row) => row.id,
    groupId: (row) => row.groupId,
    groupName: (row) => row.groupName,
    description: (row) => row.description,
    type: (row) => row.type,
    enabled: (row) => row.enabled,
    status: (row) => row.status,
    host: (row) => row.host,
    addr1: (row) => row.addr1,
    addr2: (row) => row.addr2,
    childGroupId: (row) => row.childGroupId,
    childGroupName: (row) => row.childGroupName,
  },
};

const TIME_RANGE_SCHEMA: QuerySchema<TimeRangeEntry> = {
  columns: {
    id: (row) => row.id,
    groupId: (row) => row.groupId,
    groupName: (row) => row.groupName,
    description: (row) => row.description,
    type: (row) => row.type,
    enabled: (row) => row.enabled,
  },
};

/** Members of an IpAddressEntry a client may write; type-checked here (-32602), value-checked per item. */
interface EntryInput {
  groupId?: string;
  groupName?: string;
  description?: string;
  type?: IpEntryType;
  enabled?: boolean;
  host?: string;
  addr1?: string;
  addr2?: string;
  childGroupId?: string;
}

const VALUE_FIELDS = ["host", "addr1", "addr2", "childGroupId"] as const;

const REQUIRED_VALUES: Record<IpEntryType, ReadonlyArray<(typeof VALUE_FIELDS)[number]>> = {
  Host: ["host"],
  IpPrefix: ["host"],
  Network: ["addr1", "addr2"],
  Range: ["addr1", "addr2"],
  ChildGroup: ["childGroupId"],
  ThisMachine: [],
};

function parseEntryInput(raw: unknown, forSet: boolean): EntryInput {
  const entry = requireObject(raw);
  const type = entry.type;
  if (type !== undefined && !IP_ENTRY_TYPES.includes(type as IpEntryType)) throw invalidParams();
  const input: EntryInput = {
    groupId: optionalString(entry, "groupId"),
    groupName: optionalString(entry, "groupName"),
    description: optionalString(entry, "description"),
    type: type as IpEntryType | undefined,
    enabled: optionalBoolean(entry, "enabled"),
    host: optionalString(entry, "host"),
    addr1: optionalString(entry, "addr1"),
    addr2: optionalString(entry, "addr2"),
    childGroupId: optionalString(entry, "childGroupId"),
  };
  if (!forSet && input.type === undefined) throw invalidParams();
  // IDL: "If type is changed, all fields representing associated value must be also assigned ...
  // and conversely, type must be assigned if value was changed."
  if (input.type === undefined) {
    if (VALUE_FIELDS.some((field) => input[field] !== undefined)) throw invalidParams();
  } else if (forSet && REQUIRED_VALUES[input.type].some((field) => input[field] === undefined)) {
    throw invalidParams();
  }
  return input;
}

export function controlMethods(
  store: ControlStore,
  variant: KerioControlVariant = DEFAULT_CONTROL_VARIANT,
): Record<string, MethodHandler> {
  /**
   * Variant `setDetails`: `whole` refuses details lacking any member of the entry; `replace` gives absent
   * members their zero value (a setter that takes the whole struct); `merge` keeps them.
   */
  const setInput = (raw: unknown): EntryInput => {
    const input = parseEntryInput(raw, true);
    if (variant.setDetails === "whole") {
      const missing =
        input.groupId === undefined ||
        input.description === undefined ||
        input.enabled === undefined ||
        input.type === undefined;
      if (missing) throw invalidParams();
    }
    if (variant.setDetails === "replace") {
      return { ...input, description: input.description ?? "", enabled: input.enabled ?? false };
    }
    return input;
  };

  const view = (entry: IpEntry): EntryView => ({
    ...entry,
    sharedId: "",
    status: store.status(entry),
    childGroupName: entry.type === "ChildGroup" ? store.groupName(entry.childGroupId) : "",
  });

  /** Value checks of one finished entry against the configuration it would live in; an error or nothing. */
  const checkEntry = (entry: IpEntry, entries: readonly IpEntry[]): [KerioMessage, string[]] | undefined => {
    switch (entry.type) {
      case "Host":
        if (!isValidHost(entry.host)) return [CONTROL_MESSAGES.invalidAddress, [entry.host]];
        break;
      case "IpPrefix":
        if (!parsePrefix(entry.host)) return [CONTROL_MESSAGES.invalidAddress, [entry.host]];
        break;
      case "Network":
        if (parseIpv4(entry.addr1) === undefined) return [CONTROL_MESSAGES.invalidAddress, [entry.addr1]];
        if (parseMask(entry.addr2) === undefined) return [CONTROL_MESSAGES.invalidAddress, [entry.addr2]];
        break;
      case "Range": {
        const from = parseIpv4(entry.addr1);
        const to = parseIpv4(entry.addr2);
        if (from === undefined || to === undefined || from > to) {
          return [CONTROL_MESSAGES.invalidRange, [entry.addr1, entry.addr2]];
        }
        break;
      }
      case "ChildGroup": {
        if (!entries.some((other) => other.groupId === entry.childGroupId)) {
          return [CONTROL_MESSAGES.groupNotFound, [entry.childGroupId]];
        }
        // A child chain leading back to this group would make membership undefined.
        const reaches = (groupId: string, seen: Set<string>): boolean => {
          if (groupId === entry.groupId) return true;
          if (seen.has(groupId)) return false;
          seen.add(groupId);
          return entries.some(
            (other) =>
              other.groupId === groupId && other.type === "ChildGroup" && reaches(other.childGroupId, seen),
          );
        };
        if (reaches(entry.childGroupId, new Set())) return [CONTROL_MESSAGES.childLoop, [entry.groupName]];
        break;
      }
      case "ThisMachine":
        break;
    }
    const duplicate = entries.some(
      (other) =>
        other.id !== entry.id &&
        other.groupId === entry.groupId &&
        other.type === entry.type &&
        other.host.toLowerCase() === entry.host.toLowerCase() &&
        other.addr1 === entry.addr1 &&
        other.addr2 === entry.addr2 &&
        other.childGroupId === entry.childGroupId,
    );
    return duplicate ? [CONTROL_MESSAGES.duplicate, []] : undefined;
  };

  /** Resolves groupId / groupName of an input: an existing id, or "" plus a name (new or existing group). */
  const resolveGroup = (
    input: EntryInput,
    entries: readonly IpEntry[],
  ): { groupId: string; groupName: string } | [KerioMessage, string[]] => {
    if (input.groupId) {
      const name = store.groupName(input.groupId, entries);
      if (!name) return [CONTROL_MESSAGES.groupNotFound, [input.groupId]];
      return { groupId: input.groupId, groupName: name };
    }
    const name = (input.groupName ?? "").trim();
    if (!name) return [CONTROL_MESSAGES.groupNameRequired, []];
    const existing = store.groups(entries).find((group) => group.name.toLowerCase() === name.toLowerCase());
    return existing
      ? { groupId: existing.id, groupName: existing.name }
      : { groupId: store.newGroupId(), groupName: name };
  };

  const valuesOf = (input: EntryInput, type: IpEntryType) => {
    // Fields that do not belong to the type are cleared, so an entry never carries stale values.
    const needed = REQUIRED_VALUES[type];
    return {
      host: needed.includes("host") ? (input.host ?? "") : "",
      addr1: needed.includes("addr1") ? (input.addr1 ?? "") : "",
      addr2: needed.includes("addr2") ? (input.addr2 ?? "") : "",
      childGroupId: needed.includes("childGroupId") ? (input.childGroupId ?? "") : "",
    };
  };

  /** Applies set-details to a copy of the entries; returns per-item errors and the resulting configuration. */
  const simulateSet = (ids: readonly string[], input: EntryInput, base: readonly IpEntry[]) => {
    const entries = base.map((entry) => ({ ...entry }));
    const errors: ItemError[] = [];
    ids.forEach((id, inputIndex) => {
      const index = entries.findIndex((entry) => entry.id === id);
      const current = entries[index];
      if (!current) {
        errors.push(itemError(inputIndex, CONTROL_MESSAGES.entryNotFound, [id]));
        return;
      }
      let group = { groupId: current.groupId, groupName: current.groupName };
      if (input.groupId !== undefined || input.groupName !== undefined) {
        const resolved = resolveGroup(input, entries);
        if (Array.isArray(resolved)) {
          errors.push(itemError(inputIndex, resolved[0], resolved[1]));
          return;
        }
        group = resolved;
      }
      const next: IpEntry = {
        ...current,
        ...group,
        description: input.description ?? current.description,
        enabled: input.enabled ?? current.enabled,
        ...(input.type ? { type: input.type, ...valuesOf(input, input.type) } : {}),
      };
      const problem = checkEntry(next, entries);
      if (problem) {
        errors.push(itemError(inputIndex, problem[0], problem[1]));
        return;
      }
      entries[index] = next;
    });
    return { errors, entries };
  };

  const simulateRemove = (ids: readonly string[], base: readonly IpEntry[]) => {
    let entries = [...base];
    const errors: ItemError[] = [];
    ids.forEach((id, inputIndex) => {
      if (!entries.some((entry) => entry.id === id)) {
        errors.push(itemError(inputIndex, CONTROL_MESSAGES.entryNotFound, [id]));
        return;
      }
      entries = entries.filter((entry) => entry.id !== id);
    });
    return { errors, entries };
  };

  /** The cut-off check of validateRemove/validateSet: the first item after which the caller is locked out. */
  const cutOffError = (steps: ReadonlyArray<readonly IpEntry[]>, address: string): ItemError[] => {
    const index = steps.findIndex((entries) => !store.allowsAdmin(entries, address));
    return index === -1 ? [] : [itemError(index, CONTROL_MESSAGES.cutOff)];
  };

  const get: MethodHandler = (params) => {
    const query = parseQuery(params.query, ENTRY_SCHEMA);
    const { page, totalItems } = runQuery(store.working.map(view), query, ENTRY_SCHEMA, variant.rowLimit);
    return { list: page.map((row) => projectFields(row, query.fields)), totalItems };
  };

  const create: MethodHandler = (params) => {
    const inputs = requireArray(params, "groups").map((raw) => parseEntryInput(raw, false));
    const errors: ItemError[] = [];
    const result: Array<{ inputIndex: number; id: string }> = [];
    inputs.forEach((input, inputIndex) => {
      const type = input.type as IpEntryType;
      const group = resolveGroup(input, store.working);
      if (Array.isArray(group)) {
        errors.push(itemError(inputIndex, group[0], group[1]));
        return;
      }
      const entry: IpEntry = {
        id: store.newCreatedId(),
        ...group,
        description: input.description ?? "",
        type,
        enabled: input.enabled ?? true,
        ...valuesOf(input, type),
      };
      const problem = checkEntry(entry, store.working);
      if (problem) {
        errors.push(itemError(inputIndex, problem[0], problem[1]));
        return;
      }
      store.working.push(entry);
      result.push({ inputIndex, id: entry.id });
    });
    return { errors, result };
  };

  const set: MethodHandler = (params) => {
    const ids = requireStringList(params, "groupIds");
    const input = setInput(params.details);
    const { errors, entries } = simulateSet(ids, input, store.working);
    store.working = entries;
    return { errors };
  };

  const remove: MethodHandler = (params) => {
    const ids = requireStringList(params, "groupIds");
    const { errors, entries } = simulateRemove(ids, store.working);
    store.working = entries;
    return { errors };
  };

  const validateRemove: MethodHandler = (params, context: CallContext) => {
    const ids = requireStringList(params, "groupIds");
    const steps: IpEntry[][] = [];
    let entries = store.working;
    for (const id of ids) {
      entries = entries.filter((entry) => entry.id !== id);
      steps.push(entries);
    }
    const { errors } = simulateRemove(ids, store.working);
    return { errors: [...errors, ...cutOffError(steps, context.remoteAddress)] };
  };

  const validateSet: MethodHandler = (params, context: CallContext) => {
    const ids = requireStringList(params, "groupIds");
    const input = setInput(params.details);
    const steps: IpEntry[][] = [];
    for (let count = 1; count <= ids.length; count += 1) {
      steps.push(simulateSet(ids.slice(0, count), input, store.working).entries);
    }
    const { errors } = simulateSet(ids, input, store.working);
    return { errors: [...errors, ...cutOffError(steps, context.remoteAddress)] };
  };

  const confirmConfig: MethodHandler = (params) => {
    const list = requireArray(params, "clientTimestampList").map((raw) => {
      if (!isObject(raw) || typeof raw.name !== "string" || typeof raw.timestamp !== "number")
        throw invalidParams();
      return { name: raw.name, timestamp: raw.timestamp };
    });
    return { confirmed: store.confirm(list) };
  };

  const noParams =
    (run: () => unknown): MethodHandler =>
    (params: Params) => {
      requireNoParams(params);
      return run();
    };

  return {
    "IpAddressGroups.get": get,
    "IpAddressGroups.getGroupList": noParams(() => ({ groups: store.groups() })),
    "IpAddressGroups.create": create,
    "IpAddressGroups.set": set,
    "IpAddressGroups.remove": remove,
    "IpAddressGroups.validateRemove": validateRemove,
    "IpAddressGroups.validateSet": validateSet,
    "IpAddressGroups.apply": noParams(() => {
      store.apply();
      return { errors: [] };
    }),
    "IpAddressGroups.reset": noParams(() => {
      store.reset();
      return {};
    }),
    "Session.getConfigTimestamp": noParams(() => ({ clientTimestampList: store.clientTimestampList() })),
    "Session.confirmConfig": confirmConfig,
    "Session.getUserName": (params, context) => {
      requireNoParams(params);
      return { name: context.session.userName };
    },
    "TimeRanges.get": (params) => {
      const query = parseQuery(params.query, TIME_RANGE_SCHEMA);
      const { page, totalItems } = runQuery(store.timeRanges, query, TIME_RANGE_SCHEMA, variant.rowLimit);
      return { list: page.map((row) => projectFields(row, query.fields)), totalItems };
    },
    "TimeRanges.getGroupList": noParams(() => ({
      groups: [...new Map(store.timeRanges.map((range) => [range.groupId, range.groupName]))]
        .map(([id, name]) => ({ id, name }))
        .sort((left, right) => left.name.localeCompare(right.name)),
    })),
  };
}
