import "server-only";
import type { z } from "zod";
import type {
  AccountDto,
  CreatedVouchersDto,
  CreateHotspotUserSchema,
  CreateVouchersSchema,
  HotspotProfileDto,
  KiwireTable,
  LoginHistoryInput,
  NasDto,
  SessionDto,
  SessionPageDto,
} from "@/lib/api/kiwire";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { KiwireClient } from "./client";
import { readRows } from "./paged-read";
import { numberOrNull, text as textOf, textOrNull, toAccount } from "./records";
import { scanTable, type TableScan } from "./table-scan";
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
    id: textOf(row.radacctid ?? row.acctuniqueid ?? row.acctsessionid),
    username: textOf(row.username),
    zone: textOf(row.zone),
    nas: textOf(row.calledstationid),
    mac: textOf(row.callingstationid),
    ip: textOf(row.framedipaddress),
    startedAt: textOrNull(row.acctstarttime),
    stoppedAt: textOrNull(row.acctstoptime),
    seconds: numberOrNull(row.acctsessiontime),
    bytesIn: numberOrNull(row.acctinputoctets),
    bytesOut: numberOrNull(row.acctoutputoctets),
    terminateCause: textOf(row.acctterminatecause),
    device: [textOf(row.dbrand), textOf(row.dmodel), textOf(row.dhostname)].filter(Boolean).join(" "),
  };
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

/**
 * Kiwire's hotspot modules in the console's words. Lists of users and vouchers are not read here but from the
 * console's index (indexed-hotspot.ts), which `scan` builds and the writes below keep current.
 */
export class KiwireHotspot {
  constructor(private readonly client: KiwireClient) {}

  /** Today's date on the appliance's calendar (its zone), as its rows spell dates. */
  applianceToday(): string {
    return this.client.applianceTime().slice(0, 10);
  }

  /** The whole user or voucher table, from Kiwire. */
  scan(table: KiwireTable): Promise<TableScan> {
    return scanTable(this.client, table);
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
    if (answer.kind === "records") {
      return {
        batch: answer.items[0]?.batch ?? "",
        items: answer.items,
        requested: input.quantity,
        readBack: false,
      };
    }
    // Read after the write, never an older scan: the batch must be in it.
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
    return { code };
  }

  /** One voucher as Kiwire holds it, or null when it has none by that code (a deleted one may be erased). */
  async findVoucher(code: string): Promise<AccountDto | null> {
    return this.findAccount("voucher", code);
  }

  async getUser(username: string): Promise<AccountDto> {
    const user = await this.findAccount("user", username);
    if (!user)
      throw new VendorError("not_found", text`Kiwire has no hotspot user "${username}".`, { status: 404 });
    return user;
  }

  /** A single get; a miss is an empty answer or, on some builds, a "not found" error (notes D10). */
  private async findAccount(table: KiwireTable, username: string): Promise<AccountDto | null> {
    try {
      const [row] = await this.client.call(table, "get", username);
      return row ? toAccount(row) : null;
    } catch (error) {
      if (error instanceof VendorError && error.outcome === "not_found") return null;
      throw error;
    }
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
    return { username };
  }

  async listProfiles(): Promise<HotspotProfileDto[]> {
    return (await this.readAll("profile")).map((row) => ({
      name: textOf(row["profile-name"] ?? row.name ?? row.groupname),
      type: textOf(row.type),
      price: textOf(row.price),
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
      id: textOf(row.id ?? row["nas-id"]),
      name: textOf(row.nasname),
      shortName: textOf(row.shortname),
      type: textOf(row.type),
      // The v2 `nas` table has no zone column (notes §3): a NAS id is then the restriction to offer.
      zone: textOf(row.zone) || textOf(row.shortname),
      description: textOf(row.description),
      location: textOf(row.location),
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
