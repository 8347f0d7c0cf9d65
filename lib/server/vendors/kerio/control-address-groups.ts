import "server-only";
import { z } from "zod";
import type {
  AddressEntryChangeDto,
  AddressEntryDto,
  AddressGroupListDto,
  CreateAddressEntryInput,
  TimeRangeDto,
  UpdateAddressEntryInput,
} from "@/lib/api/kerio-control";
import { type Localizable, type Message, quoted, text } from "@/lib/i18n/api-messages/text";
import type { AddressEntryType, ApplyStep } from "@/lib/kerio-control-vocabulary";
import { ApiError, ERROR_KIND, notFound } from "@/lib/server/errors/api-error";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import { optionalFlag, optionalInt, optionalText, optionalTexts, resultObject, rowsOf } from "./rows";
import { itemFaults, KERIO_CODES, KerioError, type KerioFault, type KerioRpcClient } from "./rpc";
import { readRows } from "./scan";
import { timeRangeSummary } from "./time-range-summary";

/**
 * Kerio Control's IpAddressGroups and TimeRanges (kerio-notes §6). Control holds every change in a working copy
 * until `IpAddressGroups.apply`, then reverts it unless the client confirms with `Session.getConfigTimestamp` +
 * `Session.confirmConfig`. The console therefore runs the whole sequence per change and reports the exact
 * step that failed, so an operator never leaves a change cached or silently reverting.
 */

export const CUT_OFF_MESSAGE = "You will be cut off from remote administration!";

/** A change as this client answers it: the apply step's message is rendered in the reader's language. */
type EntryChange = Localizable<AddressEntryChangeDto>;

const STEP_LABELS: Record<ApplyStep, Message> = {
  validate: text`the cut-off check (IpAddressGroups.validate*)`,
  change: text`the change itself`,
  apply: quoted("IpAddressGroups.apply"),
  getConfigTimestamp: quoted("Session.getConfigTimestamp"),
  confirmConfig: quoted("Session.confirmConfig"),
};

const NOTHING_APPLIED = text`Nothing was applied; the console discarded Kerio's cached changes.`;
const APPLIED_NOT_CONFIRMED = text`The change was applied but not confirmed: Kerio Control will revert it when its confirmation time runs out.`;

/** What happens to the change after a failure at each step: the operator needs to know before retrying. */
const AFTER_FAILURE: Record<ApplyStep, Message> = {
  validate: text`Nothing was changed.`,
  change: NOTHING_APPLIED,
  apply: NOTHING_APPLIED,
  getConfigTimestamp: APPLIED_NOT_CONFIRMED,
  confirmConfig: APPLIED_NOT_CONFIRMED,
};

/** A failed step of the apply/confirm sequence, as one error naming the step (HTTP 502 unless Kerio said more). */
export class ApplyStepError extends ApiError {
  static readonly [ERROR_KIND] = "ApplyStepError";
  constructor(
    readonly step: ApplyStep,
    reason: Message,
    status = 502,
    field?: string,
  ) {
    const message = text`Failed at ${STEP_LABELS[step]}: ${reason} ${AFTER_FAILURE[step]}`;
    super(status, `apply_failed_${step}`, message, field ? [{ field, message }] : undefined);
    this.name = "ApplyStepError";
  }
}

const EntryRowSchema = z.object({
  id: z.string(),
  groupId: optionalText,
  groupName: optionalText,
  description: optionalText,
  type: optionalText,
  enabled: optionalFlag,
  status: optionalText,
  host: optionalText,
  addr1: optionalText,
  addr2: optionalText,
  childGroupId: optionalText,
  childGroupName: optionalText,
});
type EntryRow = z.infer<typeof EntryRowSchema>;

const GroupRowSchema = z.object({ id: z.string(), name: z.string() });

/** The entries of an IpAddressGroups.get answer. */
function entryRows(answer: unknown): EntryRow[] {
  return rowsOf(resultObject(answer).list, EntryRowSchema, text`an address group list`);
}

const TYPES: readonly string[] = ["Host", "Network", "Range", "IpPrefix", "ChildGroup", "ThisMachine"];

function toDto(row: EntryRow): AddressEntryDto {
  return {
    id: row.id,
    groupId: row.groupId ?? "",
    groupName: row.groupName ?? "",
    type: (TYPES.includes(row.type ?? "") ? row.type : "Host") as AddressEntryType,
    host: row.host ?? "",
    addr1: row.addr1 ?? "",
    addr2: row.addr2 ?? "",
    childGroupId: row.childGroupId ?? "",
    childGroupName: row.childGroupName ?? "",
    description: row.description ?? "",
    enabled: row.enabled !== false,
    pending: row.status !== undefined && row.status !== "StoreStatusClean",
  };
}

/** The Kerio fields of one entry's value: only those its type uses (the IDL refuses stray ones on set). */
function valueFields(input: {
  type?: AddressEntryType;
  host?: string;
  addr1?: string;
  addr2?: string;
  childGroupId?: string;
}): Record<string, string> {
  switch (input.type) {
    case "Host":
    case "IpPrefix":
      return { host: input.host ?? "" };
    case "Network":
    case "Range":
      return { addr1: input.addr1 ?? "", addr2: input.addr2 ?? "" };
    case "ChildGroup":
      return { childGroupId: input.childGroupId ?? "" };
    default:
      return {};
  }
}

/** Every value member of an entry: the type's own ones filled, the others empty (a whole `IpAddressEntry`). */
function wholeValue(input: Parameters<typeof valueFields>[0]): Record<string, string> {
  return { host: "", addr1: "", addr2: "", childGroupId: "", ...valueFields(input) };
}

/** Whether a listed entry is the one a create asked for: same group, type and value. */
function isEntryOf(row: EntryRow, input: CreateAddressEntryInput): boolean {
  const sameGroup = input.groupId
    ? row.groupId === input.groupId
    : (row.groupName ?? "").toLowerCase() === (input.groupName ?? "").trim().toLowerCase();
  if (!sameGroup || row.type !== input.type) return false;
  const wanted = wholeValue(input);
  const listed = wholeValue({
    type: input.type,
    host: row.host,
    addr1: row.addr1,
    addr2: row.addr2,
    childGroupId: row.childGroupId,
  });
  // Host names compare case-insensitively, as Kerio's duplicate check does.
  return Object.keys(wanted).every(
    (key) => (wanted[key] ?? "").toLowerCase() === (listed[key] ?? "").toLowerCase(),
  );
}

function fieldOf(fault: KerioFault, type?: string): string | undefined {
  if (fault.template.startsWith("The address"))
    return type === "Host" || type === "IpPrefix" ? "host" : "addr1";
  if (fault.template.startsWith("The range")) return "addr2";
  if (fault.template.includes("cannot contain itself")) return "childGroupId";
  if (fault.template.includes("name of a new address group")) return "groupName";
  if (fault.code === KERIO_CODES.alreadyExists)
    return type === "Host" || type === "IpPrefix" ? "host" : "addr1";
  return undefined;
}

function statusOf(fault: KerioFault): number {
  if (fault.code === KERIO_CODES.alreadyExists) return 409;
  if (fault.code === KERIO_CODES.notFound) return 404;
  if (fault.code === KERIO_CODES.invalidInput || fault.code === KERIO_CODES.invalidParams) return 422;
  return 502;
}

function reasonOf(error: unknown): Message {
  if (error instanceof KerioError) return text`${error.fault.message} (code ${error.fault.code}).`;
  if (error instanceof ApiError) return error.text;
  return quoted(error instanceof Error ? error.message : String(error));
}

/** A change sequence is a handful of calls; the holder extends the lease while it runs. */
const CHANGE_LOCK = { leaseMs: 30_000, waitMs: 120_000 };

/**
 * One change sequence at a time per firewall, across every console instance: the Kerio session (and so its
 * working copy) is shared by every operator, and a second operator's apply in the middle would apply or
 * reset the first one's half change.
 */
function serialised<T>(key: string, run: () => Promise<T>): Promise<T> {
  return sharedState().withLock(`kerio-control-changes:${key}`, CHANGE_LOCK, run);
}

export class ControlAddressGroups {
  /** `lockKey` identifies the firewall; tests that build the class directly may leave it to a fresh one. */
  constructor(
    private readonly rpc: KerioRpcClient,
    private readonly lockKey: string = crypto.randomUUID(),
  ) {}

  private async entries(): Promise<EntryRow[]> {
    const all = await readRows(
      async (start, limit) => {
        const answer = await this.rpc.call<unknown>(
          "IpAddressGroups.get",
          { query: { orderBy: [{ columnName: "groupName", direction: "Asc" }], start, limit } },
          { kind: "read" },
        );
        return { rows: entryRows(answer), totalItems: optionalInt.parse(resultObject(answer).totalItems) };
      },
      0,
      -1,
    );
    return all.rows;
  }

  /**
   * Every group with its entries, in one call where the entries name their groups (they do on every build
   * seen: a Control group exists only through its entries, notes §6). The group list is asked for only when
   * an entry comes without its group's name, to name it.
   */
  async list(): Promise<AddressGroupListDto> {
    const rows = await this.entries();
    const groups = new Map<string, AddressGroupListDto["groups"][number]>();
    if (rows.some((row) => !row.groupName)) {
      const groupList = await this.rpc.call<unknown>("IpAddressGroups.getGroupList", undefined, {
        kind: "read",
      });
      for (const group of rowsOf(
        resultObject(groupList).groups,
        GroupRowSchema,
        text`an address group list`,
      )) {
        groups.set(group.id, { id: group.id, name: group.name, entries: [] });
      }
    }
    for (const row of rows) {
      const entry = toDto(row);
      const group = groups.get(entry.groupId) ?? { id: entry.groupId, name: entry.groupName, entries: [] };
      group.entries.push(entry);
      groups.set(entry.groupId, group);
    }
    return { groups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  }

  async find(entryId: string): Promise<AddressEntryDto | undefined> {
    const answer = await this.rpc.call<unknown>(
      "IpAddressGroups.get",
      { query: { conditions: [{ fieldName: "id", comparator: "Eq", value: entryId }], start: 0, limit: 1 } },
      { kind: "read" },
    );
    const [row] = entryRows(answer);
    return row ? toDto(row) : undefined;
  }

  async require(entryId: string): Promise<AddressEntryDto> {
    const found = await this.find(entryId);
    if (!found) throw notFound(text`Address group entry ${entryId} does not exist: reload the list.`);
    return found;
  }

  create(input: CreateAddressEntryInput): Promise<EntryChange> {
    return serialised(this.lockKey, () => this.createNow(input));
  }

  update(entryId: string, input: UpdateAddressEntryInput): Promise<EntryChange> {
    return serialised(this.lockKey, () => this.updateNow(entryId, input));
  }

  remove(entryId: string, acknowledgeCutOff: boolean): Promise<EntryChange> {
    return serialised(this.lockKey, () => this.removeNow(entryId, acknowledgeCutOff));
  }

  /**
   * Kerio's IDL: a created entry's id is "assigned by the manager to temporary value until apply() or
   * reset()", so the id in the create answer may be gone once the change is applied. The entry is found
   * again by group, type and value (a group never holds the same value twice) and that is what is reported.
   */
  private async createNow(input: CreateAddressEntryInput): Promise<EntryChange> {
    const detail = {
      groupId: input.groupId ?? "",
      groupName: input.groupName ?? "",
      type: input.type,
      ...valueFields(input),
      description: input.description ?? "",
      enabled: input.enabled ?? true,
    };
    await this.change(async () => {
      // Not repeated after a lost answer: the working copy is discarded on failure, so nothing doubles.
      const answer = await this.rpc.call<unknown>(
        "IpAddressGroups.create",
        { groups: [detail] },
        { kind: "write" },
      );
      this.throwItemFault(answer, input.type);
    });
    const apply = await this.applyAndConfirm();
    const created = (await this.entries()).find((row) => isEntryOf(row, input));
    if (!created) {
      throw new ApiError(
        502,
        "vendor_unclear",
        text`Kerio Control applied and confirmed the new entry but does not list it: reload the list before adding it again.`,
      );
    }
    return { entry: toDto(created), apply };
  }

  /**
   * Sends the whole entry, not only the changed members: some builds refuse a partial `details`, others
   * reset what is absent (variants.ts); with every member present all of them do the same.
   */
  private async updateNow(entryId: string, input: UpdateAddressEntryInput): Promise<EntryChange> {
    const current = await this.require(entryId);
    const type = input.type ?? current.type;
    const details = {
      groupId: current.groupId,
      groupName: current.groupName,
      description: input.description ?? current.description,
      enabled: input.enabled ?? current.enabled,
      type,
      ...wholeValue({
        type,
        host: input.host ?? current.host,
        addr1: input.addr1 ?? current.addr1,
        addr2: input.addr2 ?? current.addr2,
        childGroupId: input.childGroupId ?? current.childGroupId,
      }),
    };
    const params = { groupIds: [entryId], details };
    await this.validate("IpAddressGroups.validateSet", params, input.acknowledgeCutOff === true, type);
    await this.change(async () => {
      const answer = await this.rpc.call<unknown>("IpAddressGroups.set", params, { kind: "read" });
      this.throwItemFault(answer, type);
    });
    const apply = await this.applyAndConfirm();
    return { entry: await this.require(entryId), apply };
  }

  private async removeNow(entryId: string, acknowledgeCutOff: boolean): Promise<EntryChange> {
    const current = await this.require(entryId);
    const params = { groupIds: [entryId] };
    await this.validate("IpAddressGroups.validateRemove", params, acknowledgeCutOff, current.type);
    await this.change(async () => {
      const answer = await this.rpc.call<unknown>("IpAddressGroups.remove", params, { kind: "write" });
      this.throwItemFault(answer, current.type);
    });
    const apply = await this.applyAndConfirm();
    return { entry: current, apply };
  }

  private throwItemFault(answer: unknown, type?: string): void {
    const [fault] = itemFaults(answer);
    if (!fault) return;
    throw new ApplyStepError("change", quoted(fault.message), statusOf(fault), fieldOf(fault, type));
  }

  /**
   * Kerio's own lock-out check. The warning is a 409 with code `cut_off` unless the operator acknowledged it;
   * other validation faults (unknown entry, bad value) are the validate step's failure.
   */
  private async validate(
    method: string,
    params: Record<string, unknown>,
    acknowledged: boolean,
    type?: string,
  ): Promise<void> {
    let answer: unknown;
    try {
      answer = await this.rpc.call<unknown>(method, params, { kind: "read" });
    } catch (error) {
      throw new ApplyStepError("validate", reasonOf(error));
    }
    for (const fault of itemFaults(answer)) {
      if (fault.template === CUT_OFF_MESSAGE || fault.message === CUT_OFF_MESSAGE) {
        if (acknowledged) continue;
        throw new ApiError(
          409,
          "cut_off",
          text`Kerio Control warns: "${CUT_OFF_MESSAGE}" This change removes the address the console administers from. Confirm only if you can reach the firewall another way; Kerio reverts the change if the confirmation cannot reach it.`,
        );
      }
      throw new ApplyStepError("validate", quoted(fault.message), statusOf(fault), fieldOf(fault, type));
    }
  }

  /** Runs the edit; on any failure Kerio's working copy is reset so no half change waits for someone's apply. */
  private async change<T>(edit: () => Promise<T>): Promise<T> {
    try {
      return await edit();
    } catch (error) {
      await this.discard();
      if (error instanceof ApplyStepError || error instanceof ApiError) throw error;
      throw new ApplyStepError("change", reasonOf(error));
    }
  }

  private async discard(): Promise<void> {
    await this.rpc.call<unknown>("IpAddressGroups.reset", undefined, { kind: "read" }).catch(() => undefined);
  }

  /** apply → getConfigTimestamp → confirmConfig with the timestamps passed back verbatim (notes §6, §8.6). */
  async applyAndConfirm(): Promise<EntryChange["apply"]> {
    const steps: ApplyStep[] = [];
    const run = async <T>(step: ApplyStep, call: () => Promise<T>): Promise<T> => {
      try {
        const result = await call();
        steps.push(step);
        return result;
      } catch (error) {
        if (step === "apply") await this.discard();
        throw error instanceof ApplyStepError ? error : new ApplyStepError(step, reasonOf(error));
      }
    };
    await run("apply", async () => {
      // Never repeated: a second apply after a lost answer would re-arm the revert timer.
      const answer = await this.rpc.call<unknown>("IpAddressGroups.apply", undefined, { kind: "write" });
      const [fault] = itemFaults(answer);
      if (fault) throw new ApplyStepError("apply", quoted(fault.message));
    });
    const timestamps = await run("getConfigTimestamp", () =>
      this.rpc.call<unknown>("Session.getConfigTimestamp", undefined, {
        kind: "read",
      }),
    );
    const stamps = resultObject(timestamps).clientTimestampList;
    const list = Array.isArray(stamps) ? stamps : [];
    if (list.length === 0) {
      // "Empty in case that cut-off prevention is not active" (notes §6): nothing to confirm.
      return { status: "confirmed", message: text`Applied; Kerio Control asked for no confirmation.`, steps };
    }
    await run("confirmConfig", async () => {
      // Confirming the same timestamps twice is harmless, so a retry after re-login is allowed.
      const answer = await this.rpc.call<unknown>(
        "Session.confirmConfig",
        { clientTimestampList: list },
        { kind: "read" },
      );
      if (resultObject(answer).confirmed !== true) {
        throw new ApplyStepError(
          "confirmConfig",
          text`Kerio Control did not accept the confirmation (the confirmation time may have run out).`,
        );
      }
    });
    return { status: "confirmed", message: text`Applied and confirmed.`, steps };
  }

  async timeRanges(): Promise<Localizable<TimeRangeDto>[]> {
    const all = await readRows(
      async (start, limit) => {
        const answer = resultObject(
          await this.rpc.call<unknown>(
            "TimeRanges.get",
            { query: { orderBy: [{ columnName: "groupName", direction: "Asc" }], start, limit } },
            { kind: "read" },
          ),
        );
        return {
          rows: rowsOf(answer.list, TimeRangeRowSchema, text`a time range list`),
          totalItems: optionalInt.parse(answer.totalItems),
        };
      },
      0,
      -1,
    );
    return all.rows.map(toTimeRange);
  }
}

const clock = z.object({ hour: z.int(), min: z.int() }).optional().catch(undefined);
const day = z.object({ year: z.int(), month: z.int(), day: z.int() }).optional().catch(undefined);
const TimeRangeRowSchema = z.object({
  id: z.string(),
  groupId: optionalText,
  groupName: optionalText,
  description: optionalText,
  type: optionalText,
  enabled: optionalFlag,
  days: optionalTexts,
  fromDay: optionalText,
  toDay: optionalText,
  fromTime: clock,
  toTime: clock,
  fromDate: day,
  toDate: day,
  childGroupName: optionalText,
});
type TimeRangeRow = z.infer<typeof TimeRangeRowSchema>;

const pad = (value: number) => String(value).padStart(2, "0");
const time = (value?: { hour: number; min: number }) => (value ? `${pad(value.hour)}:${pad(value.min)}` : "");
// Kerio's month is 0-based (IDL Date).
const date = (value?: { year: number; month: number; day: number }) =>
  value ? `${value.year}-${pad(value.month + 1)}-${pad(value.day)}` : "";

function toTimeRange(row: TimeRangeRow): Localizable<TimeRangeDto> {
  const type = (row.type ?? "").replace(/^TimeRange/, "");
  const days = row.days ?? [];
  return {
    id: row.id,
    groupId: row.groupId ?? "",
    groupName: row.groupName ?? "",
    type,
    description: row.description ?? "",
    enabled: row.enabled !== false,
    days,
    summary: timeRangeSummary({
      type,
      days,
      fromDay: row.fromDay,
      toDay: row.toDay,
      fromTime: time(row.fromTime),
      toTime: time(row.toTime),
      fromDate: date(row.fromDate),
      toDate: date(row.toDate),
      childGroupName: row.childGroupName,
    }),
  };
}
