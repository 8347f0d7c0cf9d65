import "server-only";
import type { z } from "zod";
import type { KiwireSummaryDto } from "@/lib/api/connection-summary";
import type {
  AccountDto,
  CreatedVouchersDto,
  CreateHotspotUserSchema,
  CreateVouchersSchema,
  ExportVouchersInput,
  HotspotUserPageDto,
  KiwireTable,
  ListHotspotUsersInput,
  ListVouchersInput,
  TableReadDto,
  VoucherPageDto,
} from "@/lib/api/kiwire";
import type { Database } from "@/lib/server/db/client";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { logger } from "@/lib/server/logging/logger";
import type { KiwireHotspot } from "./hotspot";
import {
  indexedUserPage,
  indexedVoucherExport,
  indexedVoucherFigures,
  indexedVoucherPage,
} from "./index-queries";
import { ensureIndexed, refreshIndex } from "./index-refresh";
import { forgetAccount, type IndexTarget, recordAccounts } from "./index-store";

/**
 * The voucher and hotspot-user pages of one Kiwire connection: lists, filters, sorts and exports read the
 * console's index; a write goes to Kiwire first and, once Kiwire accepted it, the index takes what the client
 * read back, at once (the next refresh confirms it).
 */
export class IndexedKiwire {
  constructor(
    private readonly db: Database,
    readonly hotspot: KiwireHotspot,
    private readonly connectionId: string,
    /** The connection's cache key (changes with its URL or credentials): the index is rebuilt when it does. */
    readonly sourceKey: string,
  ) {}

  private target(kind: KiwireTable): IndexTarget {
    return { connectionId: this.connectionId, kind, sourceKey: this.sourceKey };
  }

  /**
   * Kiwire accepted the write: it must not be reported as failed because the index could not follow. The
   * index then shows the old row until the next refresh, and the log says why.
   */
  private async followWrite(what: string, update: () => Promise<void>): Promise<void> {
    try {
      await update();
    } catch (error) {
      logger.warn(
        { err: error, connectionId: this.connectionId },
        `[kiwire-index] ${what}: the index could not follow, and shows the list as before until the next refresh`,
      );
    }
  }

  /**
   * A write whose answer was lost (dropped connection, read timeout) may have been carried out: its error tells
   * the person to reload and check, so the list is read from Kiwire again before the error is answered.
   */
  private async write<T>(kind: KiwireTable, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof VendorError && (error.outcome === "unreachable" || error.outcome === "timeout")) {
        await this.followWrite(`After a ${kind} write Kiwire did not answer`, async () => {
          await refreshIndex(this.db, this.hotspot, this.target(kind));
        });
      }
      throw error;
    }
  }

  async listVouchers(input: ListVouchersInput): Promise<VoucherPageDto> {
    const state = await ensureIndexed(this.db, this.hotspot, this.target("voucher"));
    const page = await indexedVoucherPage(
      this.db,
      { connectionId: this.connectionId, version: state.version },
      input,
    );
    return {
      ...page,
      page: input.page,
      pageSize: input.pageSize,
      batches: state.batches,
      table: state.read,
    };
  }

  /** The overview's voucher figures, from the index (built first if this connection has none yet). */
  async voucherSummary(): Promise<KiwireSummaryDto> {
    const state = await ensureIndexed(this.db, this.hotspot, this.target("voucher"));
    const today = this.hotspot.applianceToday();
    const figures = await indexedVoucherFigures(this.db, this.connectionId, today);
    return { kind: "kiwire", today, ...figures, indexedAt: state.read.asOf };
  }

  async exportVouchers(input: ExportVouchersInput): Promise<AccountDto[]> {
    await ensureIndexed(this.db, this.hotspot, this.target("voucher"));
    return indexedVoucherExport(this.db, this.connectionId, input);
  }

  async listUsers(input: ListHotspotUsersInput): Promise<HotspotUserPageDto> {
    const state = await ensureIndexed(this.db, this.hotspot, this.target("user"));
    return indexedUserPage(
      this.db,
      { connectionId: this.connectionId, version: state.version },
      input,
      state.read,
    );
  }

  async refresh(kind: KiwireTable): Promise<TableReadDto> {
    return (await refreshIndex(this.db, this.hotspot, this.target(kind))).read;
  }

  async createVouchers(input: z.infer<typeof CreateVouchersSchema>): Promise<CreatedVouchersDto> {
    const created = await this.write("voucher", () => this.hotspot.createVouchers(input));
    await this.followWrite(`Kiwire made batch ${created.batch}`, () =>
      recordAccounts(this.db, this.target("voucher"), created.items),
    );
    return created;
  }

  async deleteVoucher(code: string): Promise<{ code: string }> {
    const deleted = await this.write("voucher", () => this.hotspot.deleteVoucher(code));
    // Kiwire keeps a deleted voucher as expired, or erases it, depending on the build: ask which.
    await this.followWrite(`Kiwire deleted voucher ${code}`, async () => {
      const after = await this.hotspot.findVoucher(code);
      if (after) await recordAccounts(this.db, this.target("voucher"), [after]);
      else await forgetAccount(this.db, this.target("voucher"), code);
    });
    return deleted;
  }

  async createUser(input: z.infer<typeof CreateHotspotUserSchema>): Promise<AccountDto> {
    const user = await this.write("user", () => this.hotspot.createUser(input));
    await this.followWrite(`Kiwire created user ${user.username}`, () =>
      recordAccounts(this.db, this.target("user"), [user]),
    );
    return user;
  }

  async deleteUser(username: string): Promise<{ username: string }> {
    const deleted = await this.write("user", () => this.hotspot.deleteUser(username));
    // Kiwire erases a deleted user entirely (notes §4).
    await this.followWrite(`Kiwire erased user ${username}`, () =>
      forgetAccount(this.db, this.target("user"), username),
    );
    return deleted;
  }
}
