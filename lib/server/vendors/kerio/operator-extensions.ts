import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type {
  CreateExtensionInput,
  ExtensionDto,
  ExtensionPageDto,
  ExtensionSort,
  ListExtensionsInput,
  OwnerDto,
  UpdateExtensionInput,
} from "@/lib/api/kerio-extensions";
import { notFound } from "@/lib/server/api/errors";
import { buildKerioQuery, type KerioQuery } from "./query";
import { optionalInt, optionalText, resultObject, rowsOf } from "./rows";
import { itemFaults, KERIO_CODES, KerioError, type KerioFault, type KerioRpcClient } from "./rpc";

/**
 * Kerio Operator's Extensions API (kerio-notes §4) in the console's vocabulary. Kerio quirks stop here:
 * `telNum`/`userGuid`, line types 0/1/2, group guids vs line guids, and its error texts.
 */

/** lineType (notes §4.1): 0 a single line, 1 a line of a group, 2 a multi-registration group. */
const LINE_OF_GROUP = 1;
const GROUP = 2;

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

const OwnerRowSchema = z.object({ GUID: z.int(), USERNAME: optionalText, FULL_NAME: optionalText });

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
      `SIP user name ${fault.parameters[0] ?? ""} is already used by another extension.`,
      "sipUsername",
    );
  }
  if (fault.code === KERIO_CODES.alreadyExists) {
    return new KerioError(
      fault,
      `Extension ${fault.parameters[0] ?? number} already exists (or the number is taken by a queue, conference or other dial-plan entry).`,
      "number",
    );
  }
  if (fault.code === KERIO_CODES.notFound && fault.template.startsWith("User")) {
    return new KerioError(fault, "The chosen owner no longer exists on the PBX: pick another.", "ownerGuid");
  }
  if (fault.code === KERIO_CODES.notFound) {
    return new KerioError(fault, `Extension ${number} no longer exists on the PBX: reload the list.`);
  }
  if (fault.code === KERIO_CODES.invalidInput && fault.template.includes("multiple registrations")) {
    return new KerioError(
      fault,
      `Extension ${number} has multiple registrations: SIP credentials belong to its lines.`,
      "sipUsername",
    );
  }
  if (fault.code === KERIO_CODES.invalidInput && fault.template.includes("number")) {
    return new KerioError(fault, `${fault.message} Use 1–10 digits.`, "number");
  }
  return new KerioError(fault, `Kerio refused the change to extension ${number}: ${fault.message}`);
}

function rethrow(number: string) {
  return (error: unknown): never => {
    if (error instanceof KerioError) throw extensionError(error.fault, number);
    throw error;
  };
}

export class OperatorExtensions {
  constructor(private readonly rpc: KerioRpcClient) {}

  private async get(query: KerioQuery): Promise<ExtensionList> {
    const answer = resultObject(await this.rpc.call<unknown>("Extensions.get", { query }, { kind: "read" }));
    return {
      rows: rowsOf(answer.sipExtensionList, ExtensionRowSchema, "an extension list"),
      totalItems: optionalInt.parse(answer.totalItems),
    };
  }

  /** Extensions and groups (not the lines of groups), one page, with each group's lines attached. */
  async list(input: ListExtensionsInput): Promise<ExtensionPageDto> {
    const query = buildKerioQuery({
      page: input.page,
      pageSize: input.pageSize,
      sortColumn: SORT_COLUMNS[input.sort],
      sortDirection: input.dir,
      search: input.q,
      conditions: [{ fieldName: "lineType", comparator: "NotEq", value: String(LINE_OF_GROUP) }],
    });
    const answer = await this.get(query);
    const rows = answer.rows;
    const lines = await this.linesOf(rows.filter((row) => row.lineType === GROUP).map((row) => row.guid));
    return {
      items: rows.map((row) => toDto(row, lines.get(row.guid))),
      totalItems: answer.totalItems ?? rows.length,
      page: input.page,
      pageSize: input.pageSize,
    };
  }

  /** One extra call for the whole page, not one per group. */
  private async linesOf(groups: number[]): Promise<Map<number, ExtensionRow[]>> {
    const byGroup = new Map<number, ExtensionRow[]>();
    if (groups.length === 0) return byGroup;
    const answer = await this.get({
      conditions: groups.map((guid) => ({ fieldName: "parentId", comparator: "Eq", value: String(guid) })),
      combining: "Or",
      orderBy: [{ columnName: "sipUsername", direction: "Asc" }],
      start: 0,
      limit: -1,
    });
    for (const line of answer.rows) {
      if (line.parentId === undefined) continue;
      byGroup.set(line.parentId, [...(byGroup.get(line.parentId) ?? []), line]);
    }
    return byGroup;
  }

  async find(number: string): Promise<ExtensionDto | undefined> {
    const answer = await this.get({
      conditions: [
        { fieldName: "telNum", comparator: "Eq", value: number },
        { fieldName: "lineType", comparator: "NotEq", value: String(LINE_OF_GROUP) },
      ],
      combining: "And",
      start: 0,
      limit: 1,
    });
    const row = answer.rows[0];
    if (!row) return undefined;
    const lines = row.lineType === GROUP ? await this.linesOf([row.guid]) : new Map<number, ExtensionRow[]>();
    return toDto(row, lines.get(row.guid));
  }

  async require(number: string): Promise<ExtensionDto> {
    const found = await this.find(number);
    if (!found) throw notFound(`Extension ${number} does not exist on this PBX.`);
    return found;
  }

  private async sipPasswordOf(guid: number): Promise<string | undefined> {
    return this.rpc
      .call<{ password?: string }>("Extensions.getSipPassword", { guid }, { kind: "read" })
      .then((answer) => answer.password)
      .catch(() => undefined);
  }

  /**
   * Creates with a generated SIP password. If the session expires or the answer is lost, the console asks
   * whether an extension with this number *and this password* exists before sending again: only this
   * request could have set that password, so that proves the create happened and nothing is made twice.
   */
  async create(input: CreateExtensionInput): Promise<{ extension: ExtensionDto; sipPassword: string }> {
    const sipPassword = generateSipPassword();
    const number = input.number.trim();
    const detail = {
      telNum: number,
      description: input.description ?? "",
      sipUsername: input.sipUsername ?? number,
      sipPassword,
      callPermission: input.callPermission ?? 1,
      userGuid: input.ownerGuid ?? null,
    };
    const ours = async () => {
      const existing = await this.find(number);
      if (!existing) return undefined;
      return (await this.sipPasswordOf(existing.guid)) === sipPassword ? existing : undefined;
    };
    await this.rpc
      .call<unknown>(
        "Extensions.create",
        { detail },
        { kind: "write", applied: async () => (await ours()) && {} },
      )
      .catch(rethrow(number));
    return { extension: await this.require(number), sipPassword };
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
    const all = await this.get({ fields: ["telNum"], start: 0, limit: -1 });
    const used = new Set(all.rows.map((row) => row.telNum));
    const numeric = [...used].map(Number).filter((value) => Number.isInteger(value) && value >= 100);
    let candidate = numeric.length > 0 ? Math.min(...numeric) : 1000;
    while (used.has(String(candidate))) candidate++;
    return { number: String(candidate), source: "computed" };
  }

  async owners(search?: string): Promise<OwnerDto[]> {
    const answer = await this.rpc.call<unknown>(
      "Users.get",
      {
        query: buildKerioQuery({ page: 1, pageSize: 500, sortColumn: "FULL_NAME", search }),
      },
      { kind: "read" },
    );
    return rowsOf(resultObject(answer).userList, OwnerRowSchema, "a user list").map((user) => ({
      guid: user.GUID,
      username: user.USERNAME ?? "",
      fullName: user.FULL_NAME ?? "",
    }));
  }
}
