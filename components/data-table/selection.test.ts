import { describe, expect, it } from "vitest";
import {
  effectiveSelection,
  isSelected,
  NO_SELECTION,
  offPageCount,
  type PageRow,
  pageSelectionState,
  type Selection,
  selectedCount,
  selectionTargets,
  selectMatching,
  settleSelection,
  togglePage,
  toggleRow,
} from "./selection";

interface Row {
  number: string;
}
const row = (number: string): PageRow<Row> => ({ id: number, row: { number } });
const page1 = ["2001", "2002", "2003"].map(row);
const page2 = ["2004", "2005", "2006"].map(row);
const ids = (page: PageRow<Row>[]) => page.map((item) => item.id);
const tick = (selection: Selection<Row>, ...items: PageRow<Row>[]) =>
  items.reduce((current, item) => toggleRow(current, item), selection);
const never = () => Promise.reject(new Error("must not fetch"));
const signal = new AbortController().signal;

describe("a selection of ticked rows", () => {
  it("keeps rows ticked on one page after moving to another, and counts those off the page", async () => {
    const selection = tick(
      NO_SELECTION,
      page1[0] as PageRow<Row>,
      page1[1] as PageRow<Row>,
      page2[0] as PageRow<Row>,
    );
    expect(selectedCount(selection)).toBe(3);
    expect(offPageCount(selection, ids(page2))).toBe(2);
    expect(pageSelectionState(selection, ids(page2))).toBe("some");
    // What an action acts on is exactly what was ticked, wherever it was ticked.
    const targets = await selectionTargets(selection, (r) => r.number, never, signal);
    expect(targets.map((r) => r.number)).toEqual(["2001", "2002", "2004"]);
  });

  it("unticks a row ticked twice", () => {
    const item = page1[0] as PageRow<Row>;
    expect(selectedCount(tick(NO_SELECTION, item, item))).toBe(0);
  });

  it("ticks the whole page, then unticks it, leaving other pages' rows alone", () => {
    const withOther = tick(NO_SELECTION, page2[0] as PageRow<Row>);
    const whole = togglePage(withOther, page1);
    expect(pageSelectionState(whole, ids(page1))).toBe("all");
    expect(selectedCount(whole)).toBe(4);
    const cleared = togglePage(whole, page1);
    expect(pageSelectionState(cleared, ids(page1))).toBe("none");
    expect(isSelected(cleared, "2004")).toBe(true);
  });

  it("ticks the rest of a half-ticked page", () => {
    const half = tick(NO_SELECTION, page1[0] as PageRow<Row>);
    expect(pageSelectionState(togglePage(half, page1), ids(page1))).toBe("all");
  });
});

describe("a selection of every row matching the filter", () => {
  const all = Array.from({ length: 120 }, (_, i) => ({ number: String(3000 + i) }));

  it("counts the server's total less the unticked rows, and ticks every row of every page", () => {
    let selection: Selection<Row> = selectMatching("q=30", 120);
    expect(selectedCount(selection)).toBe(120);
    expect(isSelected(selection, "9999")).toBe(true);
    selection = toggleRow(selection, row("3001"));
    expect(selectedCount(selection)).toBe(119);
    expect(isSelected(selection, "3001")).toBe(false);
    expect(pageSelectionState(selection, ["3000", "3001"])).toBe("some");
    selection = toggleRow(selection, row("3001"));
    expect(selectedCount(selection)).toBe(120);
  });

  it("acts on every matching row the caller fetches, less the unticked ones", async () => {
    const selection = toggleRow(selectMatching("q=30", 120), row("3005"));
    const targets = await selectionTargets(
      selection,
      (r) => r.number,
      async () => all,
      signal,
    );
    expect(targets).toHaveLength(119);
    expect(targets.map((r) => r.number)).not.toContain("3005");
  });

  it("holds only under the filter it was made with", () => {
    const selection = selectMatching("q=30", 120);
    expect(effectiveSelection(selection, "q=30")).toBe(selection);
    expect(selectedCount(effectiveSelection(selection, "q=31"))).toBe(0);
    const ticked = tick(NO_SELECTION, page1[0] as PageRow<Row>);
    expect(effectiveSelection(ticked, "anything")).toBe(ticked);
  });

  it("unticks and re-ticks a whole page through its exclusions", () => {
    const selection = togglePage(selectMatching("", 120), page1);
    expect(selectedCount(selection)).toBe(117);
    expect(selectedCount(togglePage(selection, page1))).toBe(120);
  });
});

describe("settleSelection after a bulk action", () => {
  const outcome = (number: string, status: "done" | "failed" | "skipped") => ({
    id: number,
    row: { number },
    status,
  });

  it("keeps exactly the failed and unattempted rows of a run on the selection, whatever its scope", () => {
    const outcomes = [outcome("2001", "done"), outcome("2002", "failed"), outcome("2004", "skipped")];
    for (const selection of [tick(NO_SELECTION, ...page1, ...page2), selectMatching("", 6)]) {
      const settled = settleSelection(selection, outcomes, true);
      expect(settled.scope).toBe("rows");
      expect(selectedCount(settled)).toBe(2);
      expect(isSelected(settled, "2002")).toBe(true);
      expect(isSelected(settled, "2004")).toBe(true);
      expect(isSelected(settled, "2001")).toBe(false);
    }
  });

  it("takes only a row's own finished action out of the rest of the selection", () => {
    const ticked = tick(NO_SELECTION, ...page1);
    const settled = settleSelection(ticked, [outcome("2002", "done")], false);
    expect(["2001", "2002", "2003"].filter((id) => isSelected(settled, id))).toEqual(["2001", "2003"]);
    expect(selectedCount(settleSelection(ticked, [outcome("2002", "failed")], false))).toBe(3);
    // Under "every matching row", a deleted row no longer matches: the count drops by it.
    expect(selectedCount(settleSelection(selectMatching("", 6), [outcome("2002", "done")], false))).toBe(5);
  });
});
