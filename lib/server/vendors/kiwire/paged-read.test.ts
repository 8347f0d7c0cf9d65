import { describe, expect, it } from "vitest";
import { type KiwirePage, readRows } from "./paged-read";

/** A table of `size` rows behind an appliance that answers at most `cap` rows per page. */
function table(size: number, cap: number, total: number | null = null) {
  const asked: Array<{ start: number; limit: number }> = [];
  const fetchPage = async (start: number, limit: number): Promise<KiwirePage> => {
    asked.push({ start, limit });
    const end = Math.min(size, start + Math.min(limit, cap));
    return { rows: Array.from({ length: Math.max(0, end - start) }, (_, i) => ({ id: start + i })), total };
  };
  return { asked, fetchPage };
}

describe("readRows", () => {
  it("reads a whole table past pages shorter than asked, and stops only on an empty page", async () => {
    const { asked, fetchPage } = table(500, 200);
    const read = await readRows(fetchPage, { limit: 5000 });
    expect(read.rows.map((r) => r.id)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(read.complete).toBe(true);
    expect(asked.map((a) => a.start)).toEqual([0, 200, 400, 500]);
  });

  it("reads a range of rows at an odd cap, advancing by the rows received", async () => {
    const { asked, fetchPage } = table(1000, 37);
    const read = await readRows(fetchPage, { start: 100, count: 101, limit: 101 });
    expect(read.rows.map((r) => r.id)).toEqual(Array.from({ length: 101 }, (_, i) => 100 + i));
    expect(asked).toEqual([
      { start: 100, limit: 101 },
      { start: 137, limit: 64 },
      { start: 174, limit: 27 },
    ]);
  });

  it("passes on the count the appliance reports, whatever it says", async () => {
    const { fetchPage } = table(30, 200, 9999);
    expect(await readRows(fetchPage, { limit: 100 })).toMatchObject({ reportedTotal: 9999, complete: true });
  });

  it("stops, marked incomplete, when the appliance ignores start and answers the same rows again", async () => {
    let calls = 0;
    const read = await readRows(
      async () => {
        calls += 1;
        return { rows: [{ id: 1 }, { id: 2 }], total: null };
      },
      { limit: 100 },
    );
    expect(calls).toBe(2);
    expect(read.rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(read.complete).toBe(false);
  });
});
