import { describe, expect, it } from "vitest";
import {
  budgetFor,
  checkBudget,
  formatTable,
  measureRoutes,
  parseBudget,
  parseRouteStats,
  type RouteMeasure,
} from "./bundle-budget.check";

const KIB = 1024;
const budget = parseBudget(
  JSON.stringify({
    defaultGzipKiB: 180,
    overrides: [
      { routes: ["/kerio/*"], gzipKiB: 200, why: "a reason" },
      { routes: ["/kerio/extensions"], gzipKiB: 210, why: "another reason" },
    ],
  }),
  "budget.json",
);
const measures = (entries: Record<string, number>): RouteMeasure[] =>
  Object.entries(entries).map(([route, kiB]) => ({ route, gzipBytes: kiB * KIB, schemaChunks: [] }));

describe("measureRoutes", () => {
  const chunks: Record<string, { gzipBytes: number; text: string }> = {
    "react.js": { gzipBytes: 100 * KIB, text: "function r(){}" },
    "view.js": { gzipBytes: 30 * KIB, text: "let a=1" },
    "zod.js": { gzipBytes: 35 * KIB, text: 'e=r("$ZodType",(e,t)=>{})' },
    "zod-util.js": { gzipBytes: 2 * KIB, text: "function T(e){return e._zod.def.shape}" },
  };

  it("sums each route's gzip chunks, reading a shared chunk once", () => {
    const reads: string[] = [];
    const measured = measureRoutes(
      [
        { route: "/", firstLoadChunkPaths: ["react.js"] },
        { route: "/a", firstLoadChunkPaths: ["react.js", "view.js"] },
      ],
      (path) => {
        reads.push(path);
        return chunks[path]!;
      },
    );
    expect(measured).toEqual([
      { route: "/", gzipBytes: 100 * KIB, schemaChunks: [] },
      { route: "/a", gzipBytes: 130 * KIB, schemaChunks: [] },
    ]);
    expect(reads).toEqual(["react.js", "view.js"]);
  });

  it("names the chunks that carry zod's schema classes or its core utilities", () => {
    const [measured] = measureRoutes(
      [{ route: "/kerio/extensions", firstLoadChunkPaths: ["react.js", "zod.js", "view.js", "zod-util.js"] }],
      (path) => chunks[path]!,
    );
    expect(measured!.schemaChunks).toEqual(["zod.js", "zod-util.js"]);
  });
});

describe("budgetFor", () => {
  it("prefers an exact route, then the longest prefix, then the default", () => {
    expect(budgetFor("/kerio/extensions", budget)).toEqual({ kiB: 210, source: "/kerio/extensions" });
    expect(budgetFor("/kerio/mail-users", budget)).toEqual({ kiB: 200, source: "/kerio/*" });
    expect(budgetFor("/kerioish", budget)).toEqual({ kiB: 180, source: "default" });
  });

  it("finds nothing for an unlisted route when there is no default", () => {
    const strict = parseBudget(JSON.stringify({ overrides: [{ routes: ["/"], gzipKiB: 1, why: "x" }] }), "b");
    expect(budgetFor("/login", strict)).toBeUndefined();
  });
});

describe("checkBudget", () => {
  it("passes when every route is within budget and reports the headroom", () => {
    const report = checkBudget(
      measures({ "/kerio/mail-users": 190, "/": 150, "/kerio/extensions": 205 }),
      budget,
    );
    expect(report.problems).toEqual([]);
    expect(report.rows.map((row) => [row.route, row.kiB, row.budgetKiB])).toEqual([
      ["/", 150, 180],
      ["/kerio/extensions", 205, 210],
      ["/kerio/mail-users", 190, 200],
    ]);
    expect(formatTable(report.rows)).toMatch(
      /\/kerio\/mail-users\s+190\.0\s+200 \(\/kerio\/\*\)\s+10\.0 KiB \(5\.0%\)\s+no/,
    );
  });

  it("names each route over budget and by how much", () => {
    const report = checkBudget(
      measures({ "/": 180.5, "/kerio/extensions": 220, "/kerio/mail-users": 190 }),
      budget,
    );
    expect(report.problems).toEqual([
      "/: 180.5 KiB gzip is 0.5 KiB over its budget of 180 KiB (default)",
      "/kerio/extensions: 220 KiB gzip is 10 KiB over its budget of 210 KiB (/kerio/extensions)",
    ]);
  });

  it("fails a page whose first load carries zod, whatever its size, naming the page and the chunk", () => {
    const report = checkBudget(
      [
        { route: "/kiwire/vouchers", gzipBytes: 150 * KIB, schemaChunks: [".next/static/chunks/z.js"] },
        { route: "/login", gzipBytes: 150 * KIB, schemaChunks: [] },
      ],
      { defaultGzipKiB: 180, overrides: [] },
    );
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^\/kiwire\/vouchers: zod .* \(\.next\/static\/chunks\/z\.js\)/);
    expect(formatTable(report.rows)).toMatch(
      /\/kiwire\/vouchers\s+150\.0\s+180\s+30\.0 KiB \(16\.7%\)\s+YES/,
    );
  });

  it("fails a route no budget applies to, and an override that matches no route", () => {
    const strict = parseBudget(
      JSON.stringify({ overrides: [{ routes: ["/", "/gone/*"], gzipKiB: 700, why: "x" }] }),
      "b",
    );
    expect(checkBudget(measures({ "/": 1, "/login": 1 }), strict).problems).toEqual([
      "/login: no budget applies (add an override or a defaultGzipKiB to the budget file)",
      'override "/gone/*" matches no route in the build: remove or rename it',
    ]);
  });

  it("fails an empty build", () => {
    expect(checkBudget([], { defaultGzipKiB: 1, overrides: [] }).problems[0]).toMatch(/no routes/);
  });
});

describe("parsing", () => {
  it("reads the chunk lists next build writes, ignoring the raw byte count", () => {
    const text = JSON.stringify([
      { route: "/", firstLoadUncompressedJsBytes: 2048, firstLoadChunkPaths: ["a.js"] },
    ]);
    expect(parseRouteStats(text, "stats.json")).toEqual([{ route: "/", firstLoadChunkPaths: ["a.js"] }]);
  });

  it("rejects malformed stats with the file and the field", () => {
    expect(() => parseRouteStats("{not json", "stats.json")).toThrow(/stats\.json .* is not valid JSON/);
    expect(() => parseRouteStats(JSON.stringify([{ route: "/" }]), "stats.json")).toThrow(
      /0\.firstLoadChunkPaths/,
    );
    expect(() => parseRouteStats(JSON.stringify({ routes: [] }), "stats.json")).toThrow(/\(root\)/);
  });

  it("rejects a budget with a bad pattern, a missing reason, a pattern listed twice or a raw-bytes field", () => {
    const parse = (value: unknown) => () => parseBudget(JSON.stringify(value), "budget.json");
    expect(parse({ overrides: [{ routes: ["/kerio*"], gzipKiB: 1, why: "x" }] })).toThrow(
      /route prefix ending in/,
    );
    expect(parse({ overrides: [{ routes: ["/a"], gzipKiB: 1, why: "" }] })).toThrow(/say why/);
    expect(
      parse({
        overrides: [
          { routes: ["/a"], gzipKiB: 1, why: "x" },
          { routes: ["/a"], gzipKiB: 2, why: "y" },
        ],
      }),
    ).toThrow(/\/a is listed twice/);
    // The budget used to be raw KiB (615): an old file must not pass silently as a gzip budget.
    expect(parse({ defaultKiB: 615 })).toThrow(/defaultKiB/);
  });
});
