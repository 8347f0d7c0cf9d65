import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type {
  CreateExtensionInput,
  ExtensionDto,
  ExtensionPageDto,
  ListExtensionsInput,
  OwnerDto,
  UpdateExtensionInput,
} from "@/lib/api/kerio-extensions";
import { text } from "@/lib/i18n/api-messages/text";
import type { ExtensionSort } from "@/lib/kerio-extensions-vocabulary";
import { ApiError, notFound } from "@/lib/server/errors/api-error";
import { type OperatorCapabilities, operatorCapabilities } from "./operator-capabilities";
import { buildKerioQuery, type KerioQuery, type SearchField, type TableState } from "./query";
import { optionalInt, optionalText, resultObject, rowsOf } from "./rows";
import { itemFaults, KERIO_CODES, KerioError, type KerioFault, type KerioRpcClient } from "./rpc";
import { readRows } from "./scan";

/**
 * Kerio Operator's Extensions API (kerio-notes §4) in the console's vocabulary. Kerio quirks stop here:
 * `telNum`/`userGuid`, line types 0/1/2, group guids vs line guids, and its error texts.
 */

/** lineType (notes §4.1): 0 a single line, 1 a line of a group, 2 a multi-registration group. */
const LINE_OF_GROUP = 1;
const GROUP = 2;
const NOT_A_LINE = { fieldName: "lineType", comparator: "NotEq", value: String(LINE_OF_GROUP) } as const;

const SORT_COLUMNS: Record<ExtensionSort, string> = {
  number: "telNum",
  description: "description",
  sipUsername: "sipUsername",
  owner: "FULL_NAME",
};

const ExtensionRowSchema = z.object({
  guid: z.int(),
  telNum: z.string(),
  description: optionalText,
  lineType: optionalInt,
  sipUsername: optionalText,
  parentId: optionalInt,
  userGuid: z.int().nullable().optional().catch(undefined),
  USERNAME: optionalText,
  FULL_NAME: optionalText,
  callPermission: optionalInt,
  sipStatus: z.object({ registered: optionalInt }).optional().catch(undefined),
});
type ExtensionRow = z.infer<typeof ExtensionRowSchema>;

/**
 * The rest of S12's create detail with its values (notes §4.2): settings the console does not offer, sent
 * so that a build demanding the full detail accepts the create. NAT and recording are in the form.
 */
const HIDDEN_CREATE_DEFAULTS = {
  dtmfMode: 0,
  faxDetect: false,
  faxDetectType: 0,
  secured: false,
} as const;

const OwnerRowSchema = z.object({ GUID: z.int(), USERNAME: optionalText, FULL_NAME: optionalText });
const DirectoryRowSchema = z.object({ TEL_NUM: z.string() });
const OWNER_PICKER_SIZE = 500;

interface ExtensionList {
  rows: ExtensionRow[];
  totalItems: number | undefined;
}

function toDto(row: ExtensionRow, lines: ExtensionRow[] = []): ExtensionDto {
  const group = row.lineType === GROUP;
  return {
    guid: row.guid,
    number: row.telNum,
    description: row.description ?? "",
    sipUsername: group ? null : (row.sipUsername ?? null),
    registered: group ? null : row.sipStatus?.registered === 1,
    multiRegistration: group,
    lines: lines.map((line) => ({
      guid: line.guid,
      sipUsername: line.sipUsername ?? "",
      registered: line.sipStatus?.registered === 1,
    })),
    callPermission: row.callPermission ?? 1,
    owner:
      typeof row.userGuid === "number"
        ? { guid: row.userGuid, username: row.USERNAME ?? "", fullName: row.FULL_NAME ?? "" }
        : null,
  };
}

/** A SIP password for a phone: 16 characters from an alphabet without look-alikes, crypto-random. */
export function generateSipPassword(length = 16): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  let password = "";
  for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)];
  return password;
}

/** Turns Kerio's texts into messages on the field they concern. */
function extensionError(fault: KerioFault, number: string): KerioError {
  if (fault.code === KERIO_CODES.alreadyExists && fault.template.startsWith("SIP username")) {
    return new KerioError(
      fault,
      text`SIP user name ${fault.parameters[0] ?? ""} is already used by another extension.`,
      "sipUsername",
    );
  }
  if (fault.code === KERIO_CODES.alreadyExists) {
    return new KerioError(
      fault,
      text`Extension ${fault.parameters[0] ?? number} already exists (or the number is taken by a queue, conference or other dial-plan entry).`,
      "number",
    );
  }
  if (fault.code === KERIO_CODES.notFound && fault.template.startsWith("User")) {
    return new KerioError(
      fault,
      text`The chosen owner no longer exists on the PBX: pick another.`,
      "ownerGuid",
    );
  }
  if (fault.code === KERIO_CODES.notFound) {
    return new KerioError(fault, text`Extension ${number} no longer exists on the PBX: reload the list.`);
  }
  if (fault.code === KERIO_CODES.invalidInput && fault.template.includes("multiple registrations")) {
    return new KerioError(
      fault,
      text`Extension ${number} has multiple registrations: SIP credentials belong to its lines.`,
      "sipUsername",
    );
  }
  if (fault.code === KERIO_CODES.invalidInput && fault.template.includes("number")) {
    return new KerioError(fault, text`${fault.message} Use 1–10 digits.`, "number");
  }
  return new KerioError(fault, text`Kerio refused the change to extension ${number}: ${fault.message}`);
}

function rethrow(number: string) {
  return (error: unknown): never => {
    if (error instanceof KerioError) throw extensionError(error.fault, number);
    throw error;
  };
}

/** A -32602: the appliance does not understand a query member (a pseudo-field or a condition it lacks). */
function isInvalidParams(error: unknown): boolean {
  return error instanceof KerioError && error.fault.code === KERIO_CODES.invalidParams;
}

/** The rows of one extension number: its own row (single line or group) and, for a group, its lines. */
function extensionOf(rows: ExtensionRow[], number: string): ExtensionDto | undefined {
  const own = rows.find((row) => row.telNum === number && row.lineType !== LINE_OF_GROUP);
  if (!own) return undefined;
  const lines = rows.filter((row) => row.lineType === LINE_OF_GROUP && row.parentId === own.guid);
  return toDto(own, lines);
}

export class OperatorExtensions {
  private readonly capabilities: OperatorCapabilities;

  /** `cacheKey` identifies the connection; tests that build the class directly may leave it to a fresh one. */
  constructor(
    private readonly rpc: KerioRpcClient,
    cacheKey: string = crypto.randomUUID(),
  ) {
    this.capabilities = operatorCapabilities(cacheKey);
  }

  private async get(query: KerioQuery): Promise<ExtensionList> {
    const answer = resultObject(await this.rpc.call<unknown>("Extensions.get", { query }, { kind: "read" }));
    return {
      rows: rowsOf(answer.sipExtensionList, ExtensionRowSchema, text`an extension list`),
      totalItems: optionalInt.parse(answer.totalItems),
    };
  }

  /**
   * Runs a query that may carry the quick search, in the spelling this Operator knows. Builds differ
   * (QUICKSEARCH/Like vs SEARCH/=, variants.ts): on -32602 the other spelling is tried once, and whichever
   * worked is remembered for the connection, so a search never takes the page down.
   */
  private async searching<T>(
    search: string | undefined,
    run: (field: SearchField) => Promise<T>,
  ): Promise<T> {
    const field = this.capabilities.searchField ?? "QUICKSEARCH";
    if (!search?.trim()) return run(field);
    try {
      return await run(field);
    } catch (error) {
      if (!isInvalidParams(error)) throw error;
      const other: SearchField = field === "QUICKSEARCH" ? "SEARCH" : "QUICKSEARCH";
      const result = await run(other);
      this.capabilities.searchField = other;
      return result;
    }
  }

  /**
   * Whether this Operator applies a condition on `lineType`, learnt once per connection from a one-row
   * probe: -32602 means refused, a row that is not a line means the condition was ignored. An empty answer
   * proves nothing (no groups, or no extensions), so it is not remembered.
   */
  private async lineConditions(): Promise<NonNullable<OperatorCapabilities["lineConditions"]>> {
    const remembered = this.capabilities.lineConditions;
    if (remembered) return remembered;
    try {
      const probe = await this.get({
        conditions: [{ fieldName: "lineType", comparator: "Eq", value: String(LINE_OF_GROUP) }],
        combining: "And",
        start: 0,
        limit: 1,
      });
      const [row] = probe.rows;
      if (!row) return "honoured";
      this.capabilities.lineConditions = row.lineType === LINE_OF_GROUP ? "honoured" : "ignored";
    } catch (error) {
      if (!isInvalidParams(error)) throw error;
      this.capabilities.lineConditions = "refused";
    }
    return this.capabilities.lineConditions;
  }

  /** `count` rows of a table query from `start`, however many answers the appliance's row cap needs. */
  private rows(state: Omit<TableState, "page" | "pageSize">, start: number, count: number) {
    return this.searching(state.search, (searchField) =>
      readRows(
        (from, limit) =>
          this.get({
            ...buildKerioQuery({ ...state, searchField, page: 1, pageSize: 1 }),
            start: from,
            limit,
          }),
        start,
        count,
      ),
    );
  }

  /**
   * Extensions and groups (not the lines of groups), one page, with each group's lines attached. Where the
   * Operator filters `lineType` itself, it pages; where it ignores or refuses the condition, the console
   * reads every matching row (still searched and sorted by the appliance), drops the lines and pages them
   * itself, so page boundaries and `totalItems` are the same as on an Operator that filters.
   */
  async list(input: ListExtensionsInput): Promise<ExtensionPageDto> {
    const state = { sortColumn: SORT_COLUMNS[input.sort], sortDirection: input.dir, search: input.q };
    const start = (input.page - 1) * input.pageSize;
    let page: { rows: ExtensionRow[]; totalItems: number } | undefined;
    if ((await this.lineConditions()) === "honoured") {
      const answer = await this.rows({ ...state, conditions: [NOT_A_LINE] }, start, input.pageSize);
      if (answer.rows.some((row) => row.lineType === LINE_OF_GROUP)) {
        // The probe said honoured but lines came back: the appliance changed; filter here from now on.
        this.capabilities.lineConditions = "ignored";
      } else page = { rows: answer.rows, totalItems: answer.totalItems ?? start + answer.rows.length };
    }
    if (!page) {
      const all = (await this.rows(state, 0, -1)).rows.filter((row) => row.lineType !== LINE_OF_GROUP);
      page = { rows: all.slice(start, start + input.pageSize), totalItems: all.length };
    }
    const lines = await this.linesOf(page.rows.filter((row) => row.lineType === GROUP));
    return {
      items: page.rows.map((row) => toDto(row, lines.get(row.guid))),
      totalItems: page.totalItems,
      page: input.page,
      pageSize: input.pageSize,
    };
  }

  /**
   * One extra call for the whole page, not one per group. Lines share their group's number, so they are
   * asked for by number (a condition every build applies) and told apart here by `lineType`/`parentId`,
   * which some builds ignore or refuse in conditions.
   */
  private async linesOf(groups: ExtensionRow[]): Promise<Map<number, ExtensionRow[]>> {
    const byGroup = new Map<number, ExtensionRow[]>();
    if (groups.length === 0) return byGroup;
    const guids = new Set(groups.map((group) => group.guid));
    const answer = await this.rows(
      {
        conditions: groups.map((group) => ({ fieldName: "telNum", comparator: "Eq", value: group.telNum })),
        combining: "Or",
        sortColumn: "sipUsername",
      },
      0,
      -1,
    );
    for (const line of answer.rows) {
      if (line.lineType !== LINE_OF_GROUP || line.parentId === undefined || !guids.has(line.parentId))
        continue;
      byGroup.set(line.parentId, [...(byGroup.get(line.parentId) ?? []), line]);
    }
    return byGroup;
  }

  /**
   * How many extension numbers there are and how many have a registered phone (a group counts when any of
   * its lines is). Only one public source shows `sipStatus.registered` (notes §4.1, S8), so an Operator whose
   * rows carry no `sipStatus` at all reports no registration state: null, never a false "0 registered". One
   * unconditioned read of every row, so no build's line conditions matter.
   */
  async registrationSummary(): Promise<{ extensions: number; registered: number | null }> {
    const { rows } = await readRows((start, limit) => this.get({ start, limit }), 0, -1);
    const linesByGroup = new Map<number, ExtensionRow[]>();
    for (const row of rows) {
      if (row.lineType !== LINE_OF_GROUP || row.parentId === undefined) continue;
      linesByGroup.set(row.parentId, [...(linesByGroup.get(row.parentId) ?? []), row]);
    }
    const numbers = rows.filter((row) => row.lineType !== LINE_OF_GROUP);
    const reported = rows.some((row) => row.sipStatus?.registered !== undefined);
    const isRegistered = (row: ExtensionRow) => row.sipStatus?.registered === 1;
    const registered = numbers.filter((row) =>
      row.lineType === GROUP ? (linesByGroup.get(row.guid) ?? []).some(isRegistered) : isRegistered(row),
    ).length;
    return { extensions: numbers.length, registered: reported ? registered : null };
  }

  /** By number alone (a group's lines come in the same answer), so no build's line conditions matter. */
  async find(number: string): Promise<ExtensionDto | undefined> {
    const answer = await this.rows(
      { conditions: [{ fieldName: "telNum", comparator: "Eq", value: number }], sortColumn: "sipUsername" },
      0,
      -1,
    );
    return extensionOf(answer.rows, number);
  }

  async require(number: string): Promise<ExtensionDto> {
    const found = await this.find(number);
    if (!found) throw notFound(text`Extension ${number} does not exist on this PBX.`);
    return found;
  }

  private async sipPasswordOf(guid: number): Promise<string | undefined> {
    return this.rpc
      .call<{ password?: string }>("Extensions.getSipPassword", { guid }, { kind: "read" })
      .then((answer) => answer.password)
      .catch(() => undefined);
  }

  /**
   * Creates with a generated SIP password, sending every key of the public examples' detail (notes §4.2):
   * some builds refuse a partial one, and none is known to refuse the full one. If the session expires or
   * the answer is lost, the console asks whether an extension with this number *and this password* exists
   * before sending again: only this request could have set that password, so that proves the create
   * happened and nothing is made twice. Kerio's answer is not trusted to name what it made (builds answer
   * with ids, with `{}`, or with per-item errors): a refusal in either error channel is reported, anything
   * else is read back by number.
   */
  async create(input: CreateExtensionInput): Promise<{ extension: ExtensionDto; sipPassword: string }> {
    const sipPassword = generateSipPassword();
    const number = input.number.trim();
    const detail = {
      ...HIDDEN_CREATE_DEFAULTS,
      telNum: number,
      description: input.description ?? "",
      sipUsername: input.sipUsername ?? number,
      sipPassword,
      callPermission: input.callPermission ?? 1,
      userGuid: input.ownerGuid ?? null,
      natSupport: input.natSupport ?? false,
      recordInbound: input.recordInbound ?? false,
      recordOutbound: input.recordOutbound ?? false,
    };
    const ours = async () => {
      const existing = await this.find(number);
      if (!existing) return undefined;
      return (await this.sipPasswordOf(existing.guid)) === sipPassword ? existing : undefined;
    };
    const answer = await this.rpc
      .call<unknown>(
        "Extensions.create",
        { detail },
        { kind: "write", applied: async () => (await ours()) && {} },
      )
      .catch(rethrow(number));
    const [fault] = itemFaults(answer);
    if (fault) throw extensionError(fault, number);
    const extension = await this.find(number);
    if (!extension) {
      throw new ApiError(
        502,
        "vendor_unclear",
        text`Kerio Operator accepted extension ${number} but does not list it: reload the list before creating it again.`,
      );
    }
    return { extension, sipPassword };
  }

  async update(
    number: string,
    input: UpdateExtensionInput,
  ): Promise<{ extension: ExtensionDto; sipPassword: string | null }> {
    const current = await this.require(number);
    const sipPassword = input.regenerateSipPassword ? generateSipPassword() : null;
    const detail = {
      ...(input.description !== undefined && { description: input.description }),
      ...(input.sipUsername !== undefined && { sipUsername: input.sipUsername }),
      ...(input.callPermission !== undefined && { callPermission: input.callPermission }),
      ...(input.ownerGuid !== undefined && { userGuid: input.ownerGuid }),
      ...(sipPassword && { sipPassword }),
    };
    // Setting the same values twice changes nothing, so repeating it after a re-login is safe.
    const answer = await this.rpc
      .call<unknown>("Extensions.set", { guids: [current.guid], detail }, { kind: "read" })
      .catch(rethrow(number));
    const [fault] = itemFaults(answer);
    if (fault) throw extensionError(fault, number);
    return { extension: await this.require(number), sipPassword };
  }

  /** Removal is checked, not repeated: after a re-login, "the guid is gone" proves it happened. */
  async remove(number: string): Promise<ExtensionDto> {
    const current = await this.require(number);
    const gone = async () => ((await this.find(number))?.guid === current.guid ? undefined : { errors: [] });
    const answer = await this.rpc
      .call<unknown>("Extensions.remove", { guids: [current.guid] }, { kind: "write", applied: gone })
      .catch(rethrow(number));
    const [fault] = itemFaults(answer);
    if (fault) throw extensionError(fault, number);
    return current;
  }

  /** Bulk removal by guid; per-item errors come back by input index. */
  async removeGuids(guids: number[]): Promise<KerioFault[]> {
    const answer = await this.rpc.call<unknown>("Extensions.remove", { guids }, { kind: "write" });
    return itemFaults(answer);
  }

  /**
   * Kerio's own example (getting-started) names getNextValidNumber; no other source shows it, so on
   * -32601 the console computes the lowest free number above the lowest existing one.
   */
  async nextNumber(): Promise<{ number: string; source: "kerio" | "computed" }> {
    try {
      const answer = await this.rpc.call<{ extensionNumber?: unknown }>(
        "Extensions.getNextValidNumber",
        undefined,
        { kind: "read" },
      );
      const suggested = resultObject(answer).extensionNumber;
      if (typeof suggested === "string" || typeof suggested === "number")
        return { number: String(suggested), source: "kerio" };
    } catch (error) {
      if (!(error instanceof KerioError && error.fault.code === KERIO_CODES.methodNotFound)) throw error;
    }
    // Every dial-plan number counts (a queue or conference may sit in a gap), and the search starts at the
    // lowest extension: the directory also holds short service numbers such as 112.
    const extensions = await readRows(
      (start, limit) => this.get({ fields: ["guid", "telNum"], start, limit }),
      0,
      -1,
    );
    const used = new Set([...extensions.rows.map((row) => row.telNum), ...(await this.directoryNumbers())]);
    const numeric = extensions.rows
      .map((row) => Number(row.telNum))
      .filter((n) => Number.isInteger(n) && n >= 100);
    let candidate = numeric.length > 0 ? Math.min(...numeric) : 1000;
    while (used.has(String(candidate))) candidate++;
    return { number: String(candidate), source: "computed" };
  }

  /** Server.getInternalDirectoryList (notes §4.7): every dialable number; none if the build lacks it. */
  private async directoryNumbers(): Promise<string[]> {
    try {
      const all = await readRows(
        async (start, limit) => {
          const answer = resultObject(
            await this.rpc.call<unknown>(
              "Server.getInternalDirectoryList",
              { query: { fields: ["TEL_NUM"], start, limit }, onlyExtensions: false },
              { kind: "read" },
            ),
          );
          return {
            rows: rowsOf(answer.numberList, DirectoryRowSchema, text`the dial plan`),
            totalItems: optionalInt.parse(answer.totalItems),
          };
        },
        0,
        -1,
      );
      return all.rows.map((row) => row.TEL_NUM);
    } catch (error) {
      if (error instanceof KerioError && error.fault.code === KERIO_CODES.methodNotFound) return [];
      throw error;
    }
  }

  /** The first 500 users by name (a picker, not a list), in the search spelling this build knows. */
  async owners(search?: string): Promise<OwnerDto[]> {
    const users = await this.searching(search, (searchField) =>
      readRows(
        async (start, limit) => {
          const query = buildKerioQuery({
            page: 1,
            pageSize: 1,
            sortColumn: "FULL_NAME",
            search,
            searchField,
          });
          const answer = resultObject(
            await this.rpc.call<unknown>(
              "Users.get",
              { query: { ...query, start, limit } },
              { kind: "read" },
            ),
          );
          return {
            rows: rowsOf(answer.userList, OwnerRowSchema, text`a user list`),
            totalItems: optionalInt.parse(answer.totalItems),
          };
        },
        0,
        OWNER_PICKER_SIZE,
      ),
    );
    return users.rows.map((user) => ({
      guid: user.GUID,
      username: user.USERNAME ?? "",
      fullName: user.FULL_NAME ?? "",
    }));
  }
}
