import "server-only";
import { z } from "zod";
import type {
  CreateMailUserInput,
  ListMailUsersInput,
  MailDomainDto,
  MailUserDto,
  MailUserPageDto,
  RemoveMailUserInput,
  UpdateMailUserInput,
} from "@/lib/api/kerio-connect";
import { quoted, text } from "@/lib/i18n/api-messages/text";
import type { MailRemovalMode, MailUserSort } from "@/lib/kerio-connect-vocabulary";
import { type ApiError, conflict, notFound, unprocessable } from "@/lib/server/errors/api-error";
import { buildKerioQuery } from "./query";
import { optionalFlag, optionalInt, optionalText, resultObject, rowsOf } from "./rows";
import { itemFaults, KERIO_CODES, KerioError, type KerioFault, type KerioRpcClient } from "./rpc";
import { readRows } from "./scan";

/**
 * Kerio Connect's Domains and Users API (kerio-notes §5) in the console's vocabulary. Connect account changes
 * need no apply step (notes §5), unlike Control.
 */

const SORT_COLUMNS: Record<MailUserSort, string> = {
  loginName: "loginName",
  fullName: "fullName",
  enabled: "isEnabled",
  size: "consumedSize",
};

/**
 * Kerio's IDL (notes §5): UDeleteUser removes the account "without his folder" (the mailbox stays on disk),
 * UDeleteFolder removes it "with his folder".
 */
const REMOVAL_METHODS: Record<MailRemovalMode, string> = {
  deleteMailbox: "UDeleteFolder",
  keepFolder: "UDeleteUser",
};

/** Kerio's "User count license exceeded." (S20: the trial answers it at 25 users). */
const LICENCE_EXCEEDED = 1003;

const SIZE_FACTORS: Record<string, number> = {
  Bytes: 1,
  KiloBytes: 1024,
  MegaBytes: 1024 ** 2,
  GigaBytes: 1024 ** 3,
  TeraBytes: 1024 ** 4,
};

const UserRowSchema = z.object({
  id: z.string(),
  domainId: optionalText,
  loginName: z.string(),
  fullName: optionalText,
  description: optionalText,
  isEnabled: optionalFlag,
  consumedSize: z
    .object({ value: z.number().optional().catch(undefined), units: optionalText })
    .optional()
    .catch(undefined),
});
type UserRow = z.infer<typeof UserRowSchema>;

const DomainRowSchema = z.object({ id: z.string(), name: z.string() });
const CreatedRowSchema = z.object({ id: optionalText });

/** The rows of a Users.get answer. */
function userRows(answer: unknown): { rows: UserRow[]; totalItems: number | undefined } {
  const result = resultObject(answer);
  return {
    rows: rowsOf(result.list, UserRowSchema, text`a user list`),
    totalItems: optionalInt.parse(result.totalItems),
  };
}

function toDto(row: UserRow, domainId: string): MailUserDto {
  const size = row.consumedSize;
  // Own keys only: a unit called "constructor" must not find Object's.
  const factor =
    size?.units && Object.hasOwn(SIZE_FACTORS, size.units) ? SIZE_FACTORS[size.units] : undefined;
  return {
    id: row.id,
    domainId: row.domainId ?? domainId,
    loginName: row.loginName,
    fullName: row.fullName ?? "",
    description: row.description ?? "",
    enabled: row.isEnabled !== false,
    consumedBytes: typeof size?.value === "number" && factor !== undefined ? size.value * factor : null,
  };
}

/** Kerio's per-user texts turned into messages on the field they concern. */
export function mailUserError(fault: KerioFault, loginName: string): ApiError {
  if (fault.code === LICENCE_EXCEEDED) {
    // A 409, not Kerio's default 502: the server works, the licence is what refuses.
    const message = text`The licence's user limit is reached: ${loginName} cannot be enabled. Disable or remove another user, or extend the licence.`;
    return conflict(message, [{ field: "enabled", message }]);
  }
  if (fault.code === KERIO_CODES.alreadyExists) {
    return new KerioError(fault, text`User ${fault.parameters[0] ?? loginName} already exists.`, "loginName");
  }
  if (fault.code === KERIO_CODES.invalidInput && fault.template.includes("password")) {
    return new KerioError(fault, text`Enter a password.`, "password");
  }
  if (fault.code === KERIO_CODES.invalidInput && fault.template.includes("login name")) {
    return new KerioError(fault, quoted(fault.message), "loginName");
  }
  if (fault.code === KERIO_CODES.notFound) {
    return new KerioError(fault, text`${fault.message} Reload the list.`);
  }
  return new KerioError(fault, text`Kerio Connect refused the change to ${loginName}: ${fault.message}`);
}

/** Ids travel in the URL; tolerate both the encoded and the decoded form. */
export function decodeUserId(raw: string): string {
  return raw.startsWith("keriodb://") ? raw : decodeURIComponent(raw);
}

export class ConnectUsers {
  constructor(private readonly rpc: KerioRpcClient) {}

  async domains(): Promise<MailDomainDto[]> {
    const all = await readRows(
      async (start, limit) => {
        const answer = resultObject(
          await this.rpc.call<unknown>(
            "Domains.get",
            { query: { orderBy: [{ columnName: "name", direction: "Asc" }], start, limit } },
            { kind: "read" },
          ),
        );
        return {
          rows: rowsOf(answer.list, DomainRowSchema, text`a domain list`),
          totalItems: optionalInt.parse(answer.totalItems),
        };
      },
      0,
      -1,
    );
    return all.rows.map((domain) => ({
      id: domain.id,
      name: domain.name,
    }));
  }

  async list(input: ListMailUsersInput): Promise<MailUserPageDto> {
    const query = buildKerioQuery({
      page: input.page,
      pageSize: input.pageSize,
      sortColumn: SORT_COLUMNS[input.sort],
      sortDirection: input.dir,
      search: input.q,
    });
    // A server may cap rows per answer below the page size (notes §3): the page is read until it is full.
    const answer = await readRows(
      async (start, limit) =>
        userRows(
          await this.rpc.call<unknown>(
            "Users.get",
            { query: { ...query, start, limit }, domainId: input.domainId },
            { kind: "read" },
          ),
        ),
      query.start,
      query.limit,
    );
    const rows = answer.rows;
    return {
      items: rows.map((row) => toDto(row, input.domainId)),
      totalItems: answer.totalItems ?? query.start + rows.length,
      page: input.page,
      pageSize: input.pageSize,
    };
  }

  /** The user's domain is in its id (keriodb://user/<domain guid>/<guid>), so one query per domain at most. */
  async find(userId: string): Promise<MailUserDto | undefined> {
    for (const domain of await this.domainsOf(userId)) {
      const answer = await this.rpc.call<unknown>(
        "Users.get",
        {
          query: { conditions: [{ fieldName: "id", comparator: "Eq", value: userId }], start: 0, limit: 1 },
          domainId: domain,
        },
        { kind: "read" },
      );
      const row = userRows(answer).rows[0];
      if (row) return toDto(row, domain);
    }
    return undefined;
  }

  private async domainsOf(userId: string): Promise<string[]> {
    const all = (await this.domains()).map((domain) => domain.id);
    const guid = /^keriodb:\/\/user\/([^/]+)\//.exec(userId)?.[1];
    const match = all.filter((id) => guid !== undefined && id.endsWith(`/${guid}`));
    return match.length > 0 ? match : all;
  }

  async require(userId: string): Promise<MailUserDto> {
    const found = await this.find(userId);
    if (!found) throw notFound(text`This mail user no longer exists on the server: reload the list.`);
    return found;
  }

  private async findByLogin(domainId: string, loginName: string): Promise<MailUserDto | undefined> {
    const answer = await this.rpc.call<unknown>(
      "Users.get",
      {
        query: {
          conditions: [{ fieldName: "loginName", comparator: "Eq", value: loginName }],
          start: 0,
          limit: 1,
        },
        domainId,
      },
      { kind: "read" },
    );
    const row = userRows(answer).rows[0];
    return row ? toDto(row, domainId) : undefined;
  }

  /**
   * One user per call so the per-item error is this user's. After a lost answer the login name is looked up:
   * the name is unique per domain, so finding it created after our attempt is the create's effect.
   */
  async create(input: CreateMailUserInput): Promise<MailUserDto> {
    const loginName = input.loginName.trim();
    const existed = await this.findByLogin(input.domainId, loginName);
    if (existed) throw conflictOnLogin(loginName);
    const user = {
      domainId: input.domainId,
      loginName,
      fullName: input.fullName ?? "",
      password: input.password,
      isEnabled: input.enabled ?? true,
    };
    const answer = await this.rpc.call<unknown>(
      "Users.create",
      { users: [user] },
      {
        kind: "write",
        applied: async () => {
          const found = await this.findByLogin(input.domainId, loginName);
          return found ? { result: [{ inputIndex: 0, id: found.id }] } : undefined;
        },
      },
    );
    const [fault] = itemFaults(answer);
    if (fault) throw mailUserError(fault, loginName);
    const [first] = rowsOf(resultObject(answer).result, CreatedRowSchema, text`the created user`);
    const id = first?.id;
    const created = id ? await this.find(id) : await this.findByLogin(input.domainId, loginName);
    if (!created)
      throw notFound(text`Kerio Connect reported ${loginName} created but does not list it: reload.`);
    return created;
  }

  /** Setting the same values again changes nothing, so a repeat after re-login is safe. */
  async update(userId: string, input: UpdateMailUserInput): Promise<MailUserDto> {
    const current = await this.require(userId);
    const pattern = {
      ...(input.enabled !== undefined && { isEnabled: input.enabled }),
      ...(input.fullName !== undefined && { fullName: input.fullName }),
    };
    const answer = await this.rpc.call<unknown>(
      "Users.set",
      { userIds: [current.id], pattern },
      { kind: "read" },
    );
    const [fault] = itemFaults(answer);
    if (fault) throw mailUserError(fault, current.loginName);
    return this.require(userId);
  }

  async remove(userId: string, input: RemoveMailUserInput): Promise<MailUserDto> {
    const current = await this.require(userId);
    if (input.confirm !== current.loginName) {
      throw unprocessable(text`Type ${current.loginName} to confirm the removal.`, [
        { field: "confirm", message: text`Type ${current.loginName} to confirm the removal.` },
      ]);
    }
    const request = {
      userId: current.id,
      method: REMOVAL_METHODS[input.mode],
      removeReferences: false,
      targetUserId: "",
    };
    const gone = async () => ((await this.find(current.id)) ? undefined : { errors: [] });
    const answer = await this.rpc.call<unknown>(
      "Users.remove",
      { requests: [request] },
      { kind: "write", applied: gone },
    );
    const [fault] = itemFaults(answer);
    if (fault) throw mailUserError(fault, current.loginName);
    return current;
  }
}

function conflictOnLogin(loginName: string): KerioError {
  return new KerioError(
    {
      code: KERIO_CODES.alreadyExists,
      message: `User ${loginName} already exists.`,
      template: "User %1 already exists.",
      parameters: [loginName],
    },
    text`User ${loginName} already exists.`,
    "loginName",
  );
}
