import { describe, expect, it } from "vitest";
import { parseQuery, projectFields, type QuerySchema, runQuery } from "./query";
import { KerioRpcError } from "./rpc-errors";

interface Row {
  id: number;
  name: string;
  city: string;
  active: boolean;
}

const ROWS: Row[] = [
  { id: 1, name: "alice", city: "Brno", active: true },
  { id: 2, name: "Bob", city: "Praha", active: false },
  { id: 3, name: "carol", city: "brno", active: true },
  { id: 4, name: "Alice", city: "Ostrava", active: false },
  { id: 5, name: "dave10", city: "Praha", active: true },
  { id: 6, name: "dave9", city: "Plzen", active: true },
];

const SCHEMA: QuerySchema<Row> = {
  columns: {
    id: (row) => row.id,
    name: (row) => row.name,
    city: (row) => row.city,
    active: (row) => row.active,
  },
  quickSearch: { names: ["QUICKSEARCH"], columns: ["name", "city"] },
};

const ids = (raw: unknown, schema: QuerySchema<Row> = SCHEMA) =>
  runQuery(ROWS, parseQuery(raw, schema), schema).page.map((row) => row.id);

describe("SearchQuery evaluation", () => {
  it("matches Eq and Like case-insensitively, Like as a substring with % and * wildcards", () => {
    expect(ids({ conditions: [{ fieldName: "name", comparator: "Eq", value: "ALICE" }] })).toEqual([1, 4]);
    expect(ids({ conditions: [{ fieldName: "city", comparator: "Like", value: "RN" }] })).toEqual([1, 3]);
    expect(ids({ conditions: [{ fieldName: "name", comparator: "Like", value: "d%1" }] })).toEqual([5]);
    expect(ids({ conditions: [{ fieldName: "name", comparator: "Like", value: "a*e" }] })).toEqual([
      1, 4, 5, 6,
    ]);
    // Regex metacharacters in a value are literal.
    expect(ids({ conditions: [{ fieldName: "name", comparator: "Like", value: "a.i" }] })).toEqual([]);
  });

  it("expands QUICKSEARCH: Eq/Like on any column, NotEq on every column", () => {
    expect(ids({ conditions: [{ fieldName: "QUICKSEARCH", comparator: "Eq", value: "praha" }] })).toEqual([
      2, 5,
    ]);
    expect(ids({ conditions: [{ fieldName: "QUICKSEARCH", comparator: "Like", value: "o" }] })).toEqual([
      1, 2, 3, 4,
    ]);
    expect(ids({ conditions: [{ fieldName: "QUICKSEARCH", comparator: "NotEq", value: "brno" }] })).toEqual([
      2, 4, 5, 6,
    ]);
    expect(() =>
      ids({ conditions: [{ fieldName: "QUICKSEARCH", comparator: "GreaterEq", value: "a" }] }),
    ).toThrow(KerioRpcError);
  });

  it("compares numbers numerically and booleans by true/false/1/0", () => {
    expect(ids({ conditions: [{ fieldName: "id", comparator: "GreaterThan", value: "4" }] })).toEqual([5, 6]);
    expect(ids({ conditions: [{ fieldName: "id", comparator: "LessEq", value: "2" }] })).toEqual([1, 2]);
    expect(ids({ conditions: [{ fieldName: "active", comparator: "Eq", value: "false" }] })).toEqual([2, 4]);
    expect(ids({ conditions: [{ fieldName: "active", comparator: "Eq", value: "1" }] })).toEqual([
      1, 3, 5, 6,
    ]);
    expect(ids({ conditions: [{ fieldName: "active", comparator: "Eq", value: "maybe" }] })).toEqual([]);
  });

  it("combines with And by default and with Or on request", () => {
    const conditions = [
      { fieldName: "city", comparator: "Eq", value: "Praha" },
      { fieldName: "active", comparator: "Eq", value: "true" },
    ];
    expect(ids({ conditions })).toEqual([5]);
    expect(ids({ conditions, combining: "Or" })).toEqual([1, 2, 3, 5, 6]);
  });

  it("sorts naturally and case-insensitively unless caseSensitive is set, with several keys", () => {
    expect(ids({ orderBy: [{ columnName: "name", direction: "Asc" }] })).toEqual([1, 4, 2, 3, 6, 5]);
    expect(ids({ orderBy: [{ columnName: "name", direction: "Asc", caseSensitive: true }] })).toEqual([
      4, 1, 2, 3, 6, 5,
    ]);
    expect(
      ids({
        orderBy: [
          { columnName: "city", direction: "Desc" },
          { columnName: "id", direction: "Desc" },
        ],
      }),
    ).toEqual([5, 2, 6, 4, 3, 1]);
  });

  it("pages after filtering and sorting, totalItems counting the whole match", () => {
    const query = parseQuery(
      { start: 1, limit: 2, orderBy: [{ columnName: "id", direction: "Desc" }] },
      SCHEMA,
    );
    const result = runQuery(ROWS, query, SCHEMA);
    expect(result.page.map((row) => row.id)).toEqual([5, 4]);
    expect(result.totalItems).toBe(6);
  });

  it("accepts '=' only where the schema allows it (Operator)", () => {
    const raw = { conditions: [{ fieldName: "QUICKSEARCH", comparator: "=", value: "av" }] };
    expect(() => ids(raw)).toThrow(KerioRpcError);
    expect(ids(raw, { ...SCHEMA, acceptEqualsSign: true })).toEqual([4, 5, 6]);
    expect(
      ids(
        { conditions: [{ fieldName: "id", comparator: "=", value: "3" }] },
        { ...SCHEMA, acceptEqualsSign: true },
      ),
    ).toEqual([3]);
  });

  it("projects fields, skipping names the row does not have", () => {
    expect(projectFields(ROWS[0] as Row, ["name", "zip"])).toEqual({ name: "alice" });
    expect(projectFields(ROWS[0] as Row, [])).toEqual(ROWS[0]);
  });
});
