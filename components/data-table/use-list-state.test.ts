import { parseAsString } from "nuqs";
import { NuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { defineListState } from "./list-state";
import { type ListStateControls, useListState } from "./use-list-state";

/**
 * The hook through nuqs' own testing adapter, rendered on the server (the suite has no DOM): what it reads
 * from a link, and the one URL update each setter makes.
 */

const model = defineListState({
  sorts: ["number", "description"],
  defaultSort: "number",
  pageSizes: [25, 50],
  columns: ["description", "owner"],
  defaultColumns: ["description"],
  filters: { q: parseAsString.withDefault("") },
});
type Controls = ListStateControls<"number" | "description", "description" | "owner", typeof model.filters>;

/** Hands the hook's controls out of the render, to read them and call the setters. */
function Probe({ saved, report }: { saved: string[] | null; report: (controls: Controls) => void }) {
  report(useListState(model, saved));
  return null;
}

function render(search: string, saved: string[] | null = null) {
  const updates: string[] = [];
  let controls: Controls | undefined;
  renderToString(
    createElement(NuqsTestingAdapter, {
      searchParams: search,
      onUrlUpdate: (event: UrlUpdateEvent) => updates.push(event.queryString),
      // biome-ignore lint/correctness/noChildrenProp: createElement in a .ts test file
      children: createElement(Probe, { saved, report: (reported) => (controls = reported) }),
    }),
  );
  if (!controls) throw new Error("the probe did not render");
  return { controls, updates };
}

/** nuqs flushes its update queue after the current task. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("useListState", () => {
  it("reads the list state and the filters from the link, with the saved columns when it names none", () => {
    const { controls } = render("?sort=description&dir=desc&page=2&size=25&q=20", ["owner"]);
    expect(controls).toMatchObject({
      sort: "description",
      dir: "desc",
      page: 2,
      pageSize: 25,
      columns: ["owner"],
      columnsFromLink: false,
      filters: { q: "20" },
    });
  });

  it("goes back to the first page when the filter, the sort or the page size changes", async () => {
    for (const change of [
      (c: Controls) => c.setFilters({ q: "7" }),
      (c: Controls) => c.sortBy("description"),
      (c: Controls) => c.setPageSize(25),
    ]) {
      const { controls, updates } = render("?page=4&q=20");
      change(controls);
      await settle();
      expect(updates).toHaveLength(1);
      expect(new URLSearchParams(updates[0]).get("page")).toBeNull();
    }
  });

  it("writes the filter, the sort, the size and the chosen columns into the link", async () => {
    const { controls, updates } = render("?page=4");
    controls.setFilters({ q: "7" });
    controls.sortBy("description");
    controls.showColumns(["description", "owner"]);
    await settle();
    const url = new URLSearchParams(updates.at(-1));
    expect(Object.fromEntries(url)).toEqual({ q: "7", sort: "description", cols: "description,owner" });
  });
});
