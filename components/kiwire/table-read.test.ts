import { describe, expect, it } from "vitest";
import type { AccountDto } from "@/lib/api/kiwire";
import { formatsFor } from "@/lib/i18n/formats";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import { translatorFor } from "@/lib/i18n/translator";
import { asOfLabel, createdBatchNotice, tableReadWarning } from "./table-read";

const asOf = "2026-12-03T10:42:07.000Z";
const t = translatorFor("en", CATALOGS.en, "kiwire");
const italian = translatorFor("it", CATALOGS.it, "kiwire");

describe("what the Kiwire pages tell about a table read", () => {
  it("says nothing when the rows read are all there is to know", () => {
    expect(
      tableReadWarning({ rowsRead: 500, reportedTotal: null, complete: true, asOf }, "users", t),
    ).toBeNull();
    expect(
      tableReadWarning({ rowsRead: 500, reportedTotal: 500, complete: true, asOf }, "users", t),
    ).toBeNull();
  });

  it("shows a count that disagrees with the rows read, and a read cut short", () => {
    expect(
      tableReadWarning({ rowsRead: 500, reportedTotal: 1200, complete: true, asOf }, "vouchers", t),
    ).toBe("Kiwire reports 1,200 vouchers but answered 500: the list shows what it answered.");
    expect(
      tableReadWarning({ rowsRead: 200, reportedTotal: null, complete: false, asOf }, "users", t),
    ).toMatch(/^Kiwire answered the same users again after 200 of them.*may be incomplete\.$/);
    expect(
      tableReadWarning({ rowsRead: 500, reportedTotal: 12000, complete: true, asOf }, "vouchers", italian),
    ).toBe("Kiwire dichiara 12.000 voucher ma ne ha restituiti 500: l'elenco mostra quelli restituiti.");
  });

  it("reports a batch, and warns when not every voucher of it was found", () => {
    const voucher = (username: string): AccountDto => ({
      username,
      fullName: "",
      email: "",
      phone: "",
      profile: "wx_temp",
      price: "",
      status: "active",
      batch: "V1",
      createdBy: "",
      remark: "",
      createdAt: null,
      activatedAt: null,
      expiresAt: null,
      mac: "",
      zone: "",
    });
    const items = [voucher("A"), voucher("B")];
    expect(createdBatchNotice({ batch: "V1", items, requested: 2, readBack: true }, t)).toEqual({
      text: "Batch V1: 2 vouchers generated.",
      complete: true,
    });
    expect(createdBatchNotice({ batch: "V1", items, requested: 2, readBack: true }, italian).text).toBe(
      "Lotto V1: 2 voucher generati.",
    );
    const partial = createdBatchNotice({ batch: "V1", items, requested: 5, readBack: true }, t);
    expect(partial.complete).toBe(false);
    expect(partial.text).toBe(
      "Kiwire accepted the batch of 5 vouchers, but the console found 2 of them in its list (batch V1). Check the Vouchers list before generating again.",
    );
    expect(createdBatchNotice({ batch: "", items, requested: 5, readBack: true }, t).text).toBe(
      "Kiwire accepted the batch of 5 vouchers, but the console found 2 of them in its list. Check the Vouchers list before generating again.",
    );
  });

  it("says when the index was read, in UTC: the time today, the day and time before", () => {
    const f = formatsFor("en");
    expect(asOfLabel(asOf, "vouchers", t, f, new Date("2026-12-03T17:00:00Z"))).toBe("Vouchers as of 10:42");
    expect(asOfLabel(asOf, "users", t, f, new Date("2026-12-04T08:00:00Z"))).toBe("Users as of 3 Dec, 10:42");
    expect(asOfLabel(asOf, "users", italian, formatsFor("it"), new Date("2026-12-04T08:00:00Z"))).toBe(
      "Utenti aggiornati al 3 dic, 10:42",
    );
  });
});
