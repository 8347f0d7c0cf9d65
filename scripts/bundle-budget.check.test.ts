import { describe, expect, it } from "vitest";
import { budgetFor, checkBudget, formatTable, parseBudget, parseRouteStats } from "./bundle-budget.check";

const KIB = 1024;
const budget = parseBudget(
  JSON.stringify({
    defaultKiB: 600,
    overrides: [
      { routes: ["/kerio/*"], kiB: 750, why: "forms validate with zod in the browser" },
      { routes: ["/kerio/extensions"], kiB: 760, why: "the CSV import" },
    ],
  }),
  "budget.json",
);
const stats = (entries: Record<string, number>) =>
  Object.entries(entries).map(([route, kiB]) => ({ route, firstLoadUncompressedJsBytes: kiB * KIB }));

describe("budgetFor", () => {
  it("prefers an exact route, then the longest prefix, then the default", () => {
    expect(budgetFor("/kerio/extensions", budget)).toEqual({ kiB: 760, source: "/kerio/extensions" });
    expect(budgetFor("/kerio/mail-users", budget)).toEqual({ kiB: 750, source: "/kerio/*" });
    expect(budgetFor("/kerioish", budget)).toEqual({ kiB: 600, source: "default" });
  });

  it("finds nothing for an unlisted route when there is no default", () => {
    const strict = parseBudget(JSON.stringify({ overrides: [{ routes: ["/"], kiB: 1, why: "x" }] }), "b");
    expect(budgetFor("/login", strict)).toBeUndefined();
  });
});

describe("checkBudget", () => {
  it("passes when every route is within budget and reports the headroom", () => {
    const report = checkBudget(
      stats({ "/": 500, "/kerio/extensions": 755, "/kerio/mail-users": 700 }),
      budget,
    );
    expect(report.problems).toEqual([]);
    expect(report.rows.map((row) => [row.route, row.kiB, row.budgetKiB])).toEqual([
      ["/", 500, 600],
      ["/kerio/extensions", 755, 760],
      ["/kerio/mail-users", 700, 750],
    ]);
    expect(formatTable(report.rows)).toMatch(
      /\/kerio\/mail-users\s+700\.0\s+750 \(\/kerio\/\*\)\s+50\.0 KiB \(6\.7%\)/,
    );
  });

  it("names each route over budget and by how much", () => {
    const report = checkBudget(
      stats({ "/": 600.5, "/kerio/extensions": 770, "/kerio/mail-users": 700 }),
      budget,
    );
    expect(report.problems).toEqual([
      "/: 600.5 KiB is 0.5 KiB over its budget of 600 KiB (default)",
      "/kerio/extensions: 770 KiB is 10 KiB over its budget of 760 KiB (/kerio/extensions)",
    ]);
  });

  it("fails a route no budget applies to, and an override that matches no route", () => {
    const strict = parseBudget(
      JSON.stringify({ overrides: [{ routes: ["/", "/gone/*"], kiB: 700, why: "x" }] }),
      "b",
    );
    expect(checkBudget(stats({ "/": 1, "/login": 1 }), strict).problems).toEqual([
      "/login: no budget applies (add an override or a defaultKiB to the budget file)",
      'override "/gone/*" matches no route in the build: remove or rename it',
    ]);
  });

  it("fails an empty build", () => {
    expect(checkBudget([], { defaultKiB: 1, overrides: [] }).problems[0]).toMatch(/no routes/);
  });
});

describe("parsing", () => {
  it("reads the stats next build writes, ignoring the chunk lists", () => {
    const text = JSON.stringify([
      { route: "/", firstLoadUncompressedJsBytes: 2048, firstLoadChunkPaths: ["a.js"] },
    ]);
    expect(parseRouteStats(text, "stats.json")).toEqual([{ route: "/", firstLoadUncompressedJsBytes: 2048 }]);
  });

  it("rejects malformed stats with the file and the field", () => {
    expect(() => parseRouteStats("{not json", "stats.json")).toThrow(/stats\.json .* is not valid JSON/);
    expect(() => parseRouteStats(JSON.stringify([{ route: "/" }]), "stats.json")).toThrow(
      /0\.firstLoadUncompressedJsBytes/,
    );
    expect(() => parseRouteStats(JSON.stringify({ routes: [] }), "stats.json")).toThrow(/\(root\)/);
  });

  it("rejects a budget with a bad pattern, a missing reason or a pattern listed twice", () => {
    const parse = (value: unknown) => () => parseBudget(JSON.stringify(value), "budget.json");
    expect(parse({ overrides: [{ routes: ["/kerio*"], kiB: 1, why: "x" }] })).toThrow(
      /route prefix ending in/,
    );
    expect(parse({ overrides: [{ routes: ["/a"], kiB: 1, why: "" }] })).toThrow(/say why/);
    expect(
      parse({
        overrides: [
          { routes: ["/a"], kiB: 1, why: "x" },
          { routes: ["/a"], kiB: 2, why: "y" },
        ],
      }),
    ).toThrow(/\/a is listed twice/);
  });
});
