import "server-only";
import type { z } from "zod";
import type {
  AccountDto,
  CreatedVouchersDto,
  CreateHotspotUserSchema,
  CreateVouchersSchema,
  ExportVouchersInput,
  HotspotProfileDto,
  HotspotUserPageDto,
  ListHotspotUsersInput,
  ListVouchersInput,
  LoginHistoryInput,
  NasDto,
  SessionDto,
  SessionPageDto,
  VoucherPageDto,
} from "@/lib/api/kiwire";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { KiwireClient } from "./client";
import { readRows } from "./paged-read";
import { numberOrNull, text, textOrNull, toAccount } from "./records";
import { forgetScans, type KiwireTable, scanTable, sharedScan, type TableScan } from "./shared-scan";
import { findSilentBatch, readBatchAnswer, vouchersWithCodes } from "./voucher-batch";

/** Profiles and NAS are small tables: one page each where the appliance honours the limit. */
const SMALL_TABLE_PAGE = 1000;
/**
 * How far back a batch read back may have been created: the appliance's clock may be this far from the
 * console's before signatures fail anyway (session.ts warns at the same distance).
 */
const READ_BACK_MARGIN_MS = 5 * 60 * 1000;

function toSession(row: Record<string, unknown>): SessionDto {
  return {
    id: text(row.radacctid ?? row.acctuniqueid ?? row.acctsessionid),
    username: text(row.username),
    zone: text(row.zone),
    nas: text(row.calledstationid),
    mac: text(row.callingstationid),
    ip: text(row.framedipaddress),
    startedAt: textOrNull(row.acctstarttime),
    stoppedAt: textOrNull(row.acctstoptime),
    seconds: numberOrNull(row.acctsessiontime),
    bytesIn: numberOrNull(row.acctinputoctets),
    bytesOut: numberOrNull(row.acctoutputoctets),
    terminateCause: text(row.acctterminatecause),
    device: [text(row.dbrand), text(row.dmodel), text(row.dhostname)].filter(Boolean).join(" "),
  };
}

type VoucherFilter = Pick<ListVouchersInput, "batch" | "status" | "profile" | "from" | "to" | "q">;

function matchesVoucher(voucher: AccountDto, filter: VoucherFilter, codes: Set<string> | null): boolean {
  if (codes && !codes.has(voucher.username)) return false;
  if (filter.batch && voucher.batch !== filter.batch) return false;
  if (filter.status && voucher.status !== filter.status) return false;
  if (filter.profile && voucher.profile !== filter.profile) return false;
  const day = voucher.createdAt?.slice(0, 10) ?? "";
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  if (filter.q && !voucher.username.toLowerCase().includes(filter.q.toLowerCase())) return false;
  return true;
}

export const VOUCHER_CSV_COLUMNS = [
  "code",
  "profile",
  "status",
  "batch",
  "price",
  "createdAt",
  "expiresAt",
  "zone",
  "remark",
] as const;

export class KiwireHotspot {
  /**
   * @param scanKey the connection's cache key: concurrent full-table scans of the same connection share one
   *   read (shared-scan.ts). Null scans alone, for callers without a connection (tests).
   */
  constructor(
    private readonly client: KiwireClient,
    private readonly scanKey: string | null = null,
  ) {}

  private scan(table: KiwireTable): Promise<TableScan> {
    if (this.scanKey === null) return scanTable(this.client, table);
    return sharedScan(`${this.scanKey}\0${table}`, () => scanTable(this.client, table));
  }

  /** After a write: the next list reads the table again rather than join a scan that started before it. */
  private wrote(): void {
    if (this.scanKey !== null) forgetScans(`${this.scanKey}\0`);
  }

  /** Every row of a small list (profiles, NAS), however many rows per page the appliance answers. */
  private async readAll(module: "profile" | "nas"): Promise<Record<string, unknown>[]> {
    const read = await readRows(
      (start, limit) =>
        this.client.page(module, "get", undefined, { start: String(start), limit: String(limit) }),
      { limit: SMALL_TABLE_PAGE },
    );
    return read.rows;
  }

  async listVouchers(input: ListVouchersInput): Promise<VoucherPageDto> {
    const { accounts: all, read } = await this.scan("voucher");
    const batches = [...new Set(all.map((v) => v.batch).filter(Boolean))].sort().reverse();
    const matching = all.filter((v) => matchesVoucher(v, input, null));
    // Newest first: batches are printed and handed out in the order they were made.
    matching.reverse();
    const start = (input.page - 1) * input.pageSize;
    return {
      items: matching.slice(start, start + input.pageSize),
      totalItems: matching.length,
      page: input.page,
      pageSize: input.pageSize,
      batches,
      table: read,
    };
  }

  async exportVouchers(input: ExportVouchersInput): Promise<AccountDto[]> {
    const codes = input.codes
      ? new Set(
          input.codes
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean),
        )
      : null;
    return (await this.scan("voucher")).accounts.filter((v) => matchesVoucher(v, input, codes));
  }

  async createVouchers(input: z.infer<typeof CreateVouchersSchema>): Promise<CreatedVouchersDto> {
    const params: Record<string, string> = {
      prefix: input.prefix,
      qty: String(input.quantity),
      plan: input.profile,
    };
    if (input.zone) params.nas = input.zone;
    if (input.expiry) params.expiry = input.expiry;
    if (input.remark) params.remark = input.remark;
    const since = this.client.applianceTime(READ_BACK_MARGIN_MS);
    // The call either throws (nothing ran, or the answer was lost: its error says to check the list) or the
    // appliance accepted the batch: from here on, nothing may report it as failed.
    const answer = readBatchAnswer(
      (await this.client.answer("voucher", "create", undefined, params)).data,
      input.quantity,
    );
    this.wrote();
    if (answer.kind === "records") {
      return {
        batch: answer.items[0]?.batch ?? "",
        items: answer.items,
        requested: input.quantity,
        readBack: false,
      };
    }
    const { accounts } = await this.scan("voucher");
    const items =
      answer.kind === "codes"
        ? vouchersWithCodes(accounts, answer.codes)
        : findSilentBatch(accounts, {
            prefix: input.prefix,
            profile: input.profile,
            requested: input.quantity,
            since,
          });
    return { batch: items[0]?.batch ?? "", items, requested: input.quantity, readBack: true };
  }

  async deleteVoucher(code: string): Promise<{ code: string }> {
    await this.client.call("voucher", "delete", code);
    this.wrote();
    return { code };
  }

  async listUsers(input: ListHotspotUsersInput): Promise<HotspotUserPageDto> {
    const start = (input.page - 1) * input.pageSize;
    if (!input.q && !input.status && !input.sort) {
      // Kiwire's own paging: the page, and one more row to know whether another page follows.
      const want = input.pageSize + 1;
      const { rows } = await readRows(
        (offset, limit) =>
          this.client.page("user", "get", undefined, { start: String(offset), limit: String(limit) }),
        { start, count: want, limit: want },
      );
      return {
        items: rows.slice(0, input.pageSize).map(toAccount),
        page: input.page,
        pageSize: input.pageSize,
        totalItems: null,
        hasMore: rows.length > input.pageSize,
        table: null,
      };
    }
    // The vendor API has no search, filter or sort: those need the whole list.
    const q = input.q?.toLowerCase();
    const { accounts, read } = await this.scan("user");
    let users = accounts.filter(
      (u) =>
        (!input.status || u.status === input.status) &&
        (!q ||
          u.username.toLowerCase().includes(q) ||
          u.fullName.toLowerCase().includes(q) ||
          u.email.toLowerCase().includes(q)),
    );
    if (input.sort) {
      const key = {
        username: "username",
        fullname: "fullName",
        createdate: "createdAt",
        expiry: "expiresAt",
      }[input.sort] as keyof AccountDto;
      const sign = input.dir === "desc" ? -1 : 1;
      users = users.sort((a, b) => sign * String(a[key] ?? "").localeCompare(String(b[key] ?? "")));
    }
    return {
      items: users.slice(start, start + input.pageSize),
      page: input.page,
      pageSize: input.pageSize,
      totalItems: users.length,
      hasMore: start + input.pageSize < users.length,
      table: read,
    };
  }

  async getUser(username: string): Promise<AccountDto> {
    const [row] = await this.client.call("user", "get", username);
    if (!row)
      throw new VendorError("not_found", `Kiwire has no hotspot user "${username}".`, { status: 404 });
    return toAccount(row);
  }

  async createUser(input: z.infer<typeof CreateHotspotUserSchema>): Promise<AccountDto> {
    // No `status`: the document types it only as "string" and builds differ on its words (active, act, y);
    // left out, the account is active, as `login/online` documents for the accounts it creates.
    const params: Record<string, string> = {
      username: input.username,
      password: input.password,
      profile: input.profile,
      fullname: input.fullName,
      email: input.email,
      phone: input.phone,
      remark: input.remark,
      mac: input.mac,
      allownas: input.zone,
    };
    if (input.expiry) params.expiry = input.expiry;
    await this.client.call("user", "create", undefined, params);
    this.wrote();
    // The appliance accepted the user: report what it holds, or what was sent if it does not show it (yet).
    try {
      return await this.getUser(input.username);
    } catch (error) {
      if (!(error instanceof VendorError) || error.outcome !== "not_found") throw error;
      return {
        username: input.username,
        fullName: input.fullName,
        email: input.email,
        phone: input.phone,
        profile: input.profile,
        price: "",
        status: "unknown",
        batch: "",
        createdBy: "",
        remark: input.remark,
        createdAt: null,
        activatedAt: null,
        expiresAt: input.expiry ?? null,
        mac: input.mac,
        zone: input.zone,
      };
    }
  }

  async deleteUser(username: string): Promise<{ username: string }> {
    await this.client.call("user", "delete", username);
    this.wrote();
    return { username };
  }

  async listProfiles(): Promise<HotspotProfileDto[]> {
    return (await this.readAll("profile")).map((row) => ({
      name: text(row["profile-name"] ?? row.name ?? row.groupname),
      type: text(row.type),
      price: text(row.price),
      minutes: numberOrNull(row.minute),
      idleTimeout: numberOrNull(row.idle),
      simultaneous: numberOrNull(row.simultaneous),
      downKbps: numberOrNull(row.bwdown),
      upKbps: numberOrNull(row.bwup),
    }));
  }

  async listNas(): Promise<NasDto[]> {
    // Never pass on `secret` or `password` (notes §6).
    return (await this.readAll("nas")).map((row) => ({
      id: text(row.id ?? row["nas-id"]),
      name: text(row.nasname),
      shortName: text(row.shortname),
      type: text(row.type),
      // The v2 `nas` table has no zone column (notes §3): a NAS id is then the restriction to offer.
      zone: text(row.zone) || text(row.shortname),
      description: text(row.description),
      location: text(row.location),
    }));
  }

  async loginHistory(input: LoginHistoryInput): Promise<SessionPageDto> {
    const range: Record<string, string> = {};
    if (input.from) range.start_time = `${input.from} 00:00:00`;
    if (input.to) range.end_time = `${input.to} 23:59:59`;
    const want = input.pageSize + 1;
    const { rows } = await readRows(
      (start, limit) =>
        this.client.page("login", "history", input.username, {
          ...range,
          start: String(start),
          limit: String(limit),
        }),
      { start: (input.page - 1) * input.pageSize, count: want, limit: want },
    );
    return {
      items: rows.slice(0, input.pageSize).map(toSession),
      page: input.page,
      pageSize: input.pageSize,
      hasMore: rows.length > input.pageSize,
    };
  }
}
