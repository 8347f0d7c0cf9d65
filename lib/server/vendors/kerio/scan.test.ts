import { describe, expect, it } from "vitest";
import { readRows } from "./scan";

/** A table of `total` rows behind an appliance that caps each answer at `cap` rows; records each request. */
function table(total: number, cap: number, counted = true) {
  const requests: Array<[number, number]> = [];
  const fetch = async (start: number, limit: number) => {
    requests.push([start, limit]);
    const wanted = limit === -1 ? cap : Math.min(limit, cap);
    const rows = Array.from({ length: Math.max(0, Math.min(wanted, total - start)) }, (_, i) => start + i);
    return { rows, totalItems: counted ? total : undefined };
  };
  return { fetch, requests };
}

describe("readRows", () => {
  it("reads every row through answers capped below what was asked, and stops at totalItems", async () => {
    const { fetch, requests } = table(23, 10);
    const all = await readRows(fetch, 0, -1);
    expect(all.rows).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(all.totalItems).toBe(23);
    expect(requests).toEqual([
      [0, -1],
      [10, -1],
      [20, -1],
    ]);
  });

  it("fills a page from its start, asking only for what is still missing", async () => {
    const { fetch, requests } = table(100, 10);
    const page = await readRows(fetch, 50, 25);
    expect(page.rows).toEqual(Array.from({ length: 25 }, (_, i) => 50 + i));
    expect(requests).toEqual([
      [50, 25],
      [60, 15],
      [70, 5],
    ]);
  });

  it("stops on an empty answer when the appliance gives no count, and at the end of a short last page", async () => {
    const uncounted = table(12, 5, false);
    expect((await readRows(uncounted.fetch, 0, 50)).rows).toHaveLength(12);
    expect(uncounted.requests.at(-1)).toEqual([12, 38]);
    const last = table(12, 100);
    expect((await readRows(last.fetch, 10, 50)).rows).toEqual([10, 11]);
    expect(last.requests).toHaveLength(1);
  });
});
