import { describe, expect, it } from "vitest";
import { runBulkAction, tally } from "./bulk-action";
import { collectPages } from "./collect-pages";

const idOf = (row: string) => row;

describe("runBulkAction", () => {
  it("acts on every row in turn, reports progress n of m, and says per row what happened", async () => {
    const acted: string[] = [];
    const progress: string[] = [];
    const outcomes = await runBulkAction({
      rows: ["a", "b", "c"],
      idOf,
      act: async (row) => {
        acted.push(row);
        if (row === "b") throw new Error("Extension b is in use");
      },
      signal: new AbortController().signal,
      onProgress: (finished, total) => progress.push(`${finished} of ${total}`),
    });
    expect(acted).toEqual(["a", "b", "c"]);
    expect(progress).toEqual(["1 of 3", "2 of 3", "3 of 3"]);
    expect(outcomes).toEqual([
      { id: "a", row: "a", status: "done" },
      { id: "b", row: "b", status: "failed", message: "Extension b is in use" },
      { id: "c", row: "c", status: "done" },
    ]);
    expect(tally(outcomes)).toEqual({ done: 2, failed: 1, skipped: 0, total: 3 });
  });

  it("lets the row in flight finish on cancel and attempts none after it", async () => {
    const abort = new AbortController();
    const acted: string[] = [];
    const outcomes = await runBulkAction({
      rows: ["a", "b", "c", "d"],
      idOf,
      act: async (row) => {
        acted.push(row);
        if (row === "b") abort.abort();
      },
      signal: abort.signal,
    });
    expect(acted).toEqual(["a", "b"]);
    expect(outcomes.map((o) => o.status)).toEqual(["done", "done", "skipped", "skipped"]);
  });
});

describe("collectPages", () => {
  const pages = (rows: string[], size: number, reportedTotal = rows.length) => {
    const asked: number[] = [];
    const fetchPage = async (page: number) => {
      asked.push(page);
      return { items: rows.slice((page - 1) * size, page * size), totalItems: reportedTotal };
    };
    return { asked, fetchPage };
  };
  const rows = Array.from({ length: 1203 }, (_, i) => `r${i}`);

  it("reads every page up to the reported total", async () => {
    const { asked, fetchPage } = pages(rows, 500);
    expect(await collectPages(fetchPage)).toEqual(rows);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("stops on an empty page when the total was more than there is", async () => {
    const { asked, fetchPage } = pages(rows, 500, 5000);
    expect(await collectPages(fetchPage)).toHaveLength(1203);
    expect(asked).toEqual([1, 2, 3, 4]);
  });
});
