// Checks the first-load JavaScript of every page against bundle-budget.json after `next build` (a CI stage).
// Usage: npx tsx scripts/bundle-budget.ts [stats file] [budget file]
import { readFileSync } from "node:fs";
import { checkBudget, formatTable, parseBudget, parseRouteStats } from "./bundle-budget.check";

const statsFile = process.argv[2] ?? ".next/diagnostics/route-bundle-stats.json";
const budgetFile = process.argv[3] ?? "bundle-budget.json";

function read(file: string, hint: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error}): ${hint}`);
  }
}

try {
  const stats = parseRouteStats(read(statsFile, "run `npx next build` first"), statsFile);
  const budget = parseBudget(
    read(budgetFile, "the budget file is committed at the repository root"),
    budgetFile,
  );
  const { rows, problems } = checkBudget(stats, budget);
  console.log(formatTable(rows));
  if (problems.length > 0) {
    console.error(
      `\nBundle budget failed (${budgetFile}):\n${problems.map((line) => `  - ${line}`).join("\n")}`,
    );
    process.exit(1);
  }
  console.log(`\nEvery route is within its first-load JavaScript budget (${rows.length} routes).`);
} catch (error) {
  console.error(`Bundle budget check could not run: ${(error as Error).message}`);
  process.exit(2);
}
