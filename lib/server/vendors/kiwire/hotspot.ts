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
import { VendorError } from "@/lib/server/http/errors";
import type { KiwireClient } from "./client";
import { kiwireStatus, numberOrNull, text, textOrNull } from "./records";
import { forgetScans, sharedScan } from "./shared-scan";

/** Kiwire's get only pages (notes §7): large pages keep a full scan to a few round trips. */
const SCAN_PAGE = 5000;
/** A guard against an appliance that ignores `start` and answers the same page for ever. */
const SCAN_MAX_ROWS = 500_000;

export function toAccount(row: Record<string, unknown>): AccountDto {
  return {
    username: text(row.username),
    fullName: text(row.fullname),
    email: text(row.email),
    phone: text(row.phone),
    profile: text(row.plan ?? row.profile),
    price: text(row.price),
    status: kiwireStatus(row.status),
    batch: text(row.tag ?? row.bulk_id),
    createdBy: text(row.who),
    remark: text(row.remark),
    createdAt: textOrNull(row.createdate),
    activatedAt: textOrNull(row.actdate),
    expiresAt: textOrNull(row.expiry),
    mac: text(row.mac),
    zone: text(row.allownas),
  };
}

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

  private scan(module: "user" | "voucher"): Promise<AccountDto[]> {
    if (this.scanKey === null) return this.readWholeTable(module);
    return sharedScan(`${this.scanKey}\0${module}`, () => this.readWholeTable(module));
  }

  /** After a write: the next list reads the table again rather than join a scan that started before it. */
  private wrote(): void {
    if (this.scanKey !== null) forgetScans(`${this.scanKey}\0`);
  }

  private async readWholeTable(module: "user" | "voucher"): Promise<AccountDto[]> {
    const all: AccountDto[] = [];
    for (let start = 0; start < SCAN_MAX_ROWS; start += SCAN_PAGE) {
      const rows = await this.client.call(module, "get", undefined, {
        start: String(start),
        limit: String(SCAN_PAGE),
      });
      for (const row of rows) all.push(toAccount(row));
      if (rows.length < SCAN_PAGE) break;
    }
    return all;
  }

  async listVouchers(input: ListVouchersInput): Promise<VoucherPageDto> {
    const all = await this.scan("voucher");
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
    return (await this.scan("voucher")).filter((v) => matchesVoucher(v, input, codes));
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
    const items = (await this.client.call("voucher", "create", undefined, params)).map(toAccount);
    this.wrote();
    if (items.length !== input.quantity) {
      throw new VendorError(
        "unexpected_response",
        `Kiwire reported ${items.length} new vouchers for a batch of ${input.quantity}: check the Vouchers list before generating again.`,
      );
    }
    return { batch: items[0]?.batch ?? "", items };
  }

  async deleteVoucher(code: string): Promise<{ code: string }> {
    await this.client.call("voucher", "delete", code);
    this.wrote();
    return { code };
  }

  async listUsers(input: ListHotspotUsersInput): Promise<HotspotUserPageDto> {
    const start = (input.page - 1) * input.pageSize;
    if (!input.q && !input.status && !input.sort) {
      // Kiwire's own paging: one page, and one more row to know whether another page follows.
      const rows = await this.client.call("user", "get", undefined, {
        start: String(start),
        limit: String(input.pageSize + 1),
      });
      return {
        items: rows.slice(0, input.pageSize).map(toAccount),
        page: input.page,
        pageSize: input.pageSize,
        totalItems: null,
        hasMore: rows.length > input.pageSize,
      };
    }
    // The vendor API has no search, filter or sort: those need the whole list.
    const q = input.q?.toLowerCase();
    let users = (await this.scan("user")).filter(
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
    };
  }

  async getUser(username: string): Promise<AccountDto> {
    const [row] = await this.client.call("user", "get", username);
    if (!row)
      throw new VendorError("not_found", `Kiwire has no hotspot user "${username}".`, { status: 404 });
    return toAccount(row);
  }

  async createUser(input: z.infer<typeof CreateHotspotUserSchema>): Promise<AccountDto> {
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
      status: "act",
    };
    if (input.expiry) params.expiry = input.expiry;
    await this.client.call("user", "create", undefined, params);
    this.wrote();
    return this.getUser(input.username);
  }

  async deleteUser(username: string): Promise<{ username: string }> {
    await this.client.call("user", "delete", username);
    this.wrote();
    return { username };
  }

  async listProfiles(): Promise<HotspotProfileDto[]> {
    return (await this.client.call("profile", "get", undefined, { limit: "1000" })).map((row) => ({
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
    return (await this.client.call("nas", "get", undefined, { limit: "1000" })).map((row) => ({
      id: text(row.id ?? row["nas-id"]),
      name: text(row.nasname),
      shortName: text(row.shortname),
      type: text(row.type),
      zone: text(row.zone),
      description: text(row.description),
      location: text(row.location),
    }));
  }

  async loginHistory(input: LoginHistoryInput): Promise<SessionPageDto> {
    const params: Record<string, string> = {
      start: String((input.page - 1) * input.pageSize),
      limit: String(input.pageSize + 1),
    };
    if (input.from) params.start_time = `${input.from} 00:00:00`;
    if (input.to) params.end_time = `${input.to} 23:59:59`;
    const rows = await this.client.call("login", "history", input.username, params);
    return {
      items: rows.slice(0, input.pageSize).map(toSession),
      page: input.page,
      pageSize: input.pageSize,
      hasMore: rows.length > input.pageSize,
    };
  }
}
