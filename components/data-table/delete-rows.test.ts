import { describe, expect, it } from "vitest";
import { type BulkOutcome, runBulkAction } from "./bulk-action";
import { deleteRows, deleteScope, rowsToDelete } from "./delete-rows";
import { NO_SELECTION, type Selection } from "./selection";
import type { BulkActionControls, BulkActionStart } from "./use-bulk-action";
import type { SelectionControls } from "./use-selection";

interface Row {
  code: string;
}
const idOf = (row: Row) => row.code;
const ticked = (...codes: string[]): Selection<Row> => ({
  scope: "rows",
  rows: new Map(codes.map((code) => [code, { code }])),
});

/** A bulk runner that runs at once with the real per-row runner, and reports how the run ended. */
function runner() {
  let finished: Promise<void> = Promise.resolve();
  const bulk: Pick<BulkActionControls<Row>, "start"> = {
    start: (run: BulkActionStart<Row>) => {
      finished = (async () => {
        const rows = await run.rows(new AbortController().signal);
        run.onFinished(
          await runBulkAction({ rows, idOf, act: run.act, signal: new AbortController().signal }),
        );
      })();
      return finished;
    },
  };
  return { bulk, done: () => finished };
}

function selectionOf(selection: Selection<Row>) {
  const settled: { outcomes: readonly BulkOutcome<Row>[]; ranOnSelection: boolean }[] = [];
  const controls: Pick<SelectionControls<Row>, "selection" | "idOf" | "settle"> = {
    selection,
    idOf,
    settle: (outcomes, ranOnSelection) => settled.push({ outcomes, ranOnSelection }),
  };
  return { controls, settled };
}

describe("deleting rows from a list", () => {
  it("names the rows one by one, or none when the selection is every matching row", () => {
    expect(rowsToDelete({ kind: "row", row: { code: "A1" } }, ticked("B1", "B2"))).toEqual([{ code: "A1" }]);
    expect(rowsToDelete({ kind: "selection" }, ticked("B1", "B2"))?.map(idOf)).toEqual(["B1", "B2"]);
    expect(rowsToDelete({ kind: "selection" }, NO_SELECTION)).toEqual([]);
    const matching: Selection<Row> = { scope: "matching", filterKey: "{}", total: 40, excluded: new Set() };
    expect(rowsToDelete({ kind: "selection" }, matching)).toBeNull();
  });

  it("a row's own Delete removes that row only and leaves the rest of the selection for the selection to settle", async () => {
    const { bulk, done } = runner();
    const { controls, settled } = selectionOf(ticked("B1", "B2"));
    const removed: string[] = [];
    let refetched = 0;
    deleteRows(
      { kind: "row", row: { code: "A1" } },
      {
        bulk,
        selection: controls,
        collectMatching: () => Promise.reject(new Error("a single row needs no collecting")),
        remove: async (row) => void removed.push(row.code),
        onFinished: () => refetched++,
      },
    );
    await done();
    expect(removed).toEqual(["A1"]);
    expect(settled).toEqual([
      { outcomes: [{ id: "A1", row: { code: "A1" }, status: "done" }], ranOnSelection: false },
    ]);
    expect(refetched).toBe(1);
  });

  it("every matching row is collected first, less the unticked ones, and a failure is reported for its row", async () => {
    const { bulk, done } = runner();
    const matching: Selection<Row> = {
      scope: "matching",
      filterKey: "{}",
      total: 3,
      excluded: new Set(["M2"]),
    };
    const { controls, settled } = selectionOf(matching);
    const removed: string[] = [];
    deleteRows(
      { kind: "selection" },
      {
        bulk,
        selection: controls,
        collectMatching: async () => [{ code: "M1" }, { code: "M2" }, { code: "M3" }],
        remove: async (row) => {
          if (row.code === "M3") throw new Error("Kiwire refused M3");
          removed.push(row.code);
        },
        onFinished: () => {},
      },
    );
    await done();
    expect(removed).toEqual(["M1"]);
    expect(settled[0]?.ranOnSelection).toBe(true);
    expect(settled[0]?.outcomes.map((o) => [o.id, o.status, o.message])).toEqual([
      ["M1", "done", undefined],
      ["M3", "failed", "Kiwire refused M3"],
    ]);
  });
});

describe("deleteScope", () => {
  it("names the one row asked about, whatever is selected", () => {
    expect(deleteScope({ kind: "row", row: { code: "A1" } }, ticked("B1", "B2"))).toEqual({
      rows: [{ code: "A1" }],
      count: 1,
      excluded: 0,
    });
  });

  it("names the ticked rows, or counts every matching row less the unticked ones", () => {
    expect(deleteScope({ kind: "selection" }, ticked("B1", "B2"))).toMatchObject({ count: 2, excluded: 0 });
    const matching: Selection<Row> = {
      scope: "matching",
      filterKey: "{}",
      total: 40,
      excluded: new Set(["C1", "C2"]),
    };
    expect(deleteScope({ kind: "selection" }, matching)).toEqual({ rows: null, count: 38, excluded: 2 });
  });
});
