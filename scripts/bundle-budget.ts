// Checks the first-load JavaScript of every page against bundle-budget.json after `next build` (a CI stage):
// gzip bytes, as the browser downloads them, and no schema library (zod) in any page's first load.
// Usage: npx tsx scripts/bundle-budget.ts [stats file] [budget file]
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { checkBudget, formatTable, measureRoutes, parseBudget, parseRouteStats } from "./bundle-budget.check";

const statsFile = process.argv[2] ?? ".next/diagnostics/route-bundle-stats.json";
const budgetFile = process.argv[3] ?? "bundle-budget.json";

function read(file: string, hint: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error}): ${hint}`);
  }
}

try {
  const stats = parseRouteStats(read(statsFile, "run `npx next build` first").toString("utf8"), statsFile);
  const budget = parseBudget(
    read(budgetFile, "the budget file is committed at the repository root").toString("utf8"),
    budgetFile,
  );
  // zlib's default level (6) is what `next start` and common proxies compress with.
  const measures = measureRoutes(stats, (chunk) => {
    const bytes = read(chunk, `listed in ${statsFile}: rebuild with \`npx next build\``);
    return { gzipBytes: gzipSync(bytes).length, text: bytes.toString("utf8") };
  });
  const { rows, problems } = checkBudget(measures, budget);
  console.log(formatTable(rows));
  if (problems.length > 0) {
    console.error(
      `\nBundle budget failed (${budgetFile}):\n${problems.map((line) => `  - ${line}`).join("\n")}`,
    );
    process.exit(1);
  }
  console.log(
    `\nEvery route is within its first-load JavaScript budget and free of zod (${rows.length} routes).`,
  );
} catch (error) {
  console.error(`Bundle budget check could not run: ${(error as Error).message}`);
  process.exit(2);
}
