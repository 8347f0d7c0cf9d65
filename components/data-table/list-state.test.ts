import { createLoader, parseAsString } from "nuqs";
import { describe, expect, it } from "vitest";
import {
  columnsToggled,
  defineListState,
  orderAndPage,
  pageCount,
  readListState,
  sortPatch,
} from "./list-state";

const model = defineListState({
  sorts: ["number", "description", "createdAt"],
  defaultSort: "number",
  defaultDirection: "asc",
  descendingFirst: ["createdAt"],
  pageSizes: [25, 50, 100],
  defaultPageSize: 50,
  columns: ["description", "owner", "status"],
  defaultColumns: ["description", "status"],
  filters: { q: parseAsString.withDefault("") },
});

/** The URL as the hook reads it: nuqs' loader with the model's own parsers, then the filters'. */
const own = createLoader(model.ownParsers);
const filters = createLoader(model.filters);
const read = (search: string, saved: string[] | null = null) => readListState(model, own(search), saved);

describe("readListState", () => {
  it("reads sort, direction, page, size, columns and filters from the link", () => {
    const search = "?sort=description&dir=desc&page=3&size=100&cols=owner,description&q=2001";
    expect(read(search)).toEqual({
      sort: "description",
      dir: "desc",
      page: 3,
      pageSize: 100,
      columns: ["description", "owner"],
      columnsFromLink: true,
    });
    expect(filters(search)).toEqual({ q: "2001" });
  });

  it("gives the defaults for a bare link", () => {
    expect(read("")).toEqual({
      sort: "number",
      dir: "asc",
      page: 1,
      pageSize: 50,
      columns: ["description", "status"],
      columnsFromLink: false,
    });
  });

  it("falls back on the defaults for a sort, direction, page or size the list does not have", () => {
    const state = read("?sort=password&dir=sideways&page=-4&size=100000");
    expect(state).toMatchObject({ sort: "number", dir: "asc", page: 1, pageSize: 50 });
    expect(read("?page=0&size=7")).toMatchObject({ page: 1, pageSize: 50 });
    expect(read("?page=abc")).toMatchObject({ page: 1 });
  });

  it("takes the saved columns when the link names none, and the link's when it does", () => {
    expect(read("", ["owner"])).toMatchObject({ columns: ["owner"], columnsFromLink: false });
    expect(read("?cols=status", ["owner"])).toMatchObject({ columns: ["status"], columnsFromLink: true });
  });

  it("keeps an empty column choice from the link apart from no choice", () => {
    expect(read("?cols=", ["owner"])).toMatchObject({ columns: [], columnsFromLink: true });
  });

  it("drops column ids the list does not have, and keeps the table's order", () => {
    expect(read("?cols=status,bogus,description").columns).toEqual(["description", "status"]);
    expect(read("", ["removedColumn", "owner"]).columns).toEqual(["owner"]);
  });
});

describe("defineListState", () => {
  it("refuses a default page size it does not offer", () => {
    expect(() =>
      defineListState({ ...model, pageSizes: [25, 100], defaultPageSize: 50, filters: {} }),
    ).toThrow("The default page size 50 is not one of the page sizes");
  });

  it("refuses filters named like the keys the list state owns", () => {
    expect(() => defineListState({ ...model, filters: { page: parseAsString, q: parseAsString } })).toThrow(
      "Filters may not be named page",
    );
  });
});

describe("sortPatch", () => {
  it("sorts another column in its first direction and goes back to the first page", () => {
    expect(sortPatch({ sort: "number", dir: "desc" }, "description")).toEqual({
      sort: "description",
      dir: "asc",
      page: null,
    });
    expect(sortPatch({ sort: "number", dir: "asc" }, "createdAt", ["createdAt"])).toMatchObject({
      dir: "desc",
    });
  });

  it("flips the sorted column, and flips it back", () => {
    expect(sortPatch({ sort: "number", dir: "asc" }, "number")).toMatchObject({ dir: "desc" });
    expect(sortPatch({ sort: "number", dir: "desc" }, "number")).toMatchObject({ dir: "asc" });
    expect(sortPatch({ sort: "createdAt", dir: "desc" }, "createdAt", ["createdAt"])).toMatchObject({
      dir: "asc",
    });
  });
});

describe("columnsToggled", () => {
  const all = ["description", "owner", "status"] as const;
  it("hides a shown column and shows a hidden one in the table's order", () => {
    expect(columnsToggled(all, ["description", "status"], "status")).toEqual(["description"]);
    expect(columnsToggled(all, ["status"], "description")).toEqual(["description", "status"]);
    expect(columnsToggled(all, ["description", "status"], "owner")).toEqual([
      "description",
      "owner",
      "status",
    ]);
  });
});

describe("pageCount", () => {
  it("counts partial pages and gives an empty list one page", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});

describe("orderAndPage", () => {
  it("gives the list's order and page under the BFF's names, and nothing of its columns or filters", () => {
    const state = {
      sort: "number",
      dir: "desc",
      page: 3,
      pageSize: 100,
      columns: ["owner"],
      columnsFromLink: true,
    } as const;
    expect(orderAndPage(state)).toEqual({ sort: "number", dir: "desc", page: 3, pageSize: 100 });
  });
});

describe("defineListState's defaults", () => {
  it("fills in what a definition leaves out: ascending, 25/50/100 rows with 50 first, every hideable column shown", () => {
    const bare = defineListState({ sorts: ["name"], defaultSort: "name", filters: {} });
    expect(bare).toMatchObject({
      defaultDirection: "asc",
      pageSizes: [25, 50, 100],
      defaultPageSize: 50,
      columns: [],
      defaultColumns: [],
    });
    const withColumns = defineListState({
      sorts: ["name"],
      defaultSort: "name",
      columns: ["mail", "role"],
      filters: {},
    });
    expect(withColumns.defaultColumns).toEqual(["mail", "role"]);
  });

  it("keeps what a definition says, and still refuses a default page size it does not offer", () => {
    const own = defineListState({
      sorts: ["at"],
      defaultSort: "at",
      defaultDirection: "desc",
      pageSizes: [10, 20],
      defaultPageSize: 20,
      columns: ["a", "b"],
      defaultColumns: ["b"],
      filters: {},
    });
    expect(own).toMatchObject({ defaultDirection: "desc", pageSizes: [10, 20], defaultColumns: ["b"] });
    expect(() =>
      defineListState({ sorts: ["at"], defaultSort: "at", defaultPageSize: 20, filters: {} }),
    ).toThrow("The default page size 20 is not one of the page sizes");
  });
});
