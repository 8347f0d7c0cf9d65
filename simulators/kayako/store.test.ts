import { describe, expect, it } from "vitest";
import { isPhpNumeric, phpEmpty, phpIntval, retrieveIdListFromCsv } from "./php";
import { KAYAKO_DEFAULTS, startKayakoSimulator } from "./simulator";
import { KayakoStore } from "./store";
import { cleanCdata, KayakoXml } from "./xml";

const options = {
  seed: 3,
  tickets: 300,
  staff: 8,
  users: 40,
  organizations: 5,
  historyDays: 90,
  anchor: 1_768_478_400,
};

describe("seeded data", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = new KayakoStore(options);
    const b = new KayakoStore(options);
    const c = new KayakoStore({ ...options, seed: 4 });
    expect(a.ticket(17)).toEqual(b.ticket(17));
    expect(a.posts(17)).toEqual(b.posts(17));
    expect(a.users).toEqual(b.users);
    expect(c.ticket(17)).not.toEqual(a.ticket(17));
  });

  it("spreads tickets over departments, statuses, owners and the history window", () => {
    const store = new KayakoStore(options);
    const all = [...store.ticketIds()].map((id) => store.ticket(id));
    expect(new Set(all.map((t) => t?.departmentId)).size).toBe(6);
    expect(new Set(all.map((t) => t?.statusId)).size).toBeGreaterThanOrEqual(5);
    expect(all.some((t) => t?.ownerStaffId === 0)).toBe(true);
    expect(
      all.every(
        (t) => (t?.dateline ?? 0) >= options.anchor - 90 * 86_400 && (t?.lastActivity ?? 0) <= options.anchor,
      ),
    ).toBe(true);
    expect(all.every((t) => t && store.posts(t.id).length === t.totalReplies + 1)).toBe(true);
  });

  it("numbers posts sequentially across tickets and finds a post by its ID", () => {
    const store = new KayakoStore(options);
    const first = store.posts(1);
    const second = store.posts(2);
    expect(second[0]?.id).toBe((first.at(-1)?.id ?? 0) + 1);
    const probe = store.posts(150)[0];
    expect(probe && store.post(probe.id)).toEqual(probe);
  });

  it("maps every mask back to its ticket and rejects near misses", () => {
    const store = new KayakoStore(options);
    for (const id of [1, 2, 150, 300]) expect(store.ticketIdFromMask(store.maskOf(id))).toBe(id);
    const mask = store.maskOf(5);
    const wrongLetters = `${mask[0] === "A" ? "B" : "A"}${mask.slice(1)}`;
    expect(store.ticketIdFromMask(wrongLetters)).toBe(0);
    expect(store.ticketIdFromMask(mask.toLowerCase())).toBe(5);
  });

  it("starts instantly even with a million tickets, generating them only when asked", async () => {
    const started = performance.now();
    const sim = await startKayakoSimulator({ tickets: 1_000_000 });
    try {
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(sim.store.ticket(999_999)?.id).toBe(999_999);
    } finally {
      await sim.close();
    }
  });

  it("uses the demo sizes by default", async () => {
    const sim = await startKayakoSimulator();
    try {
      expect(sim.store.seededTickets).toBe(KAYAKO_DEFAULTS.tickets);
      expect(sim.store.staff).toHaveLength(KAYAKO_DEFAULTS.staff);
      expect(sim.store.users).toHaveLength(KAYAKO_DEFAULTS.users);
      expect(sim.store.organizations).toHaveLength(KAYAKO_DEFAULTS.organizations);
      expect(sim.credentials.apiKey).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(sim.credentials.secretKey).toHaveLength(96);
    } finally {
      await sim.close();
    }
  });

  it("rejects impossible sizes", () => {
    expect(() => new KayakoStore({ ...options, tickets: -1 })).toThrow(/tickets/);
    expect(() => new KayakoStore({ ...options, users: 1.5 })).toThrow(/users/);
  });
});

describe("XML writer and PHP semantics", () => {
  it("splits ]]> and strips control characters inside CDATA", () => {
    expect(cleanCdata("a]]>b\u0001c\td")).toBe("a]]]]><![CDATA[>bc\td");
    const xml = new KayakoXml()
      .open("x", { a: `1 & "2"` })
      .tag("v", "<b>]]>")
      .tag("e", "")
      .tag("z", 0)
      .close("x");
    expect(xml.toString()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<x a="1 &amp; &quot;2&quot;">\n<v><![CDATA[<b>]]]]><![CDATA[>]]></v>\n<e />\n<z><![CDATA[0]]></z>\n</x>',
    );
  });

  it("treats request values the way PHP does", () => {
    expect(phpEmpty("0")).toBe(true);
    expect(phpEmpty(" 0")).toBe(false);
    expect(isPhpNumeric(" 12 ")).toBe(true);
    expect(isPhpNumeric("12abc")).toBe(false);
    expect(phpIntval("12abc")).toBe(12);
    expect(retrieveIdListFromCsv("3")).toEqual([3]);
    expect(retrieveIdListFromCsv("1,x,2")).toEqual([1, 2]);
    expect(retrieveIdListFromCsv("abc")).toEqual([0]);
  });
});
