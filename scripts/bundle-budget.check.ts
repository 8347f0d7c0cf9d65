import { z } from "zod";

/**
 * The first-load JavaScript budget: what `next build` reports per route in
 * `.next/diagnostics/route-bundle-stats.json`, held against `bundle-budget.json`. Pure functions, so the rules
 * are tested without a build; `scripts/bundle-budget.ts` reads the files and prints the verdict.
 */

const KIB = 1024;

const RouteStatsSchema = z.array(
  z.object({
    route: z.string().startsWith("/"),
    firstLoadUncompressedJsBytes: z.number().int().nonnegative(),
  }),
);
export type RouteStats = z.infer<typeof RouteStatsSchema>;

const PATTERN = /^\/[^*]*(\/\*)?$/;
const BudgetSchema = z
  .object({
    /** Applies to every route no override matches; leave it out to require an entry for each route. */
    defaultKiB: z.number().positive().optional(),
    overrides: z
      .array(
        z.object({
          routes: z
            .array(
              z
                .string()
                .regex(PATTERN, 'a route ("/admin/users") or a route prefix ending in "/*" ("/kerio/*")'),
            )
            .min(1),
          kiB: z.number().positive(),
          why: z.string().min(1, "say why these routes may be larger than the default"),
        }),
      )
      .default([]),
  })
  .superRefine((budget, context) => {
    const seen = new Set<string>();
    for (const pattern of budget.overrides.flatMap((override) => override.routes)) {
      if (seen.has(pattern))
        context.addIssue({ code: "custom", path: ["overrides"], message: `${pattern} is listed twice` });
      seen.add(pattern);
    }
  });
export type Budget = z.infer<typeof BudgetSchema>;

/** Every route pattern with its budget, as written in the file. */
function patterns(budget: Budget): Map<string, number> {
  return new Map(
    budget.overrides.flatMap((override) => override.routes.map((route) => [route, override.kiB] as const)),
  );
}

function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new Error(`${what} does not have the expected shape:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export const parseRouteStats = (text: string, file: string) =>
  parseJson(RouteStatsSchema, text, `${file} (route bundle stats from next build)`);
export const parseBudget = (text: string, file: string) =>
  parseJson(BudgetSchema, text, `${file} (the budget)`);

/** The override for a route: an exact entry first, then the longest matching "/prefix/*", then the default. */
export function budgetFor(route: string, budget: Budget): { kiB: number; source: string } | undefined {
  const byPattern = patterns(budget);
  const exact = byPattern.get(route);
  if (exact !== undefined) return { kiB: exact, source: route };
  const best = [...byPattern.keys()]
    .filter((pattern) => pattern.endsWith("/*") && route.startsWith(pattern.slice(0, -1)))
    .sort((a, b) => b.length - a.length)[0];
  if (best) return { kiB: byPattern.get(best)!, source: best };
  if (budget.defaultKiB !== undefined) return { kiB: budget.defaultKiB, source: "default" };
  return undefined;
}

export interface RouteVerdict {
  route: string;
  kiB: number;
  budgetKiB?: number;
  source?: string;
}

export interface BudgetReport {
  rows: RouteVerdict[];
  /** One line per problem; empty when every route is within its budget. */
  problems: string[];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function checkBudget(stats: RouteStats, budget: Budget): BudgetReport {
  const problems: string[] = [];
  if (stats.length === 0) problems.push("the route bundle stats list no routes: was the build complete?");
  const rows = stats
    .map(({ route, firstLoadUncompressedJsBytes }): RouteVerdict => {
      const kiB = round(firstLoadUncompressedJsBytes / KIB);
      const applies = budgetFor(route, budget);
      if (!applies) {
        problems.push(`${route}: no budget applies (add an override or a defaultKiB to the budget file)`);
        return { route, kiB };
      }
      if (kiB > applies.kiB) {
        problems.push(
          `${route}: ${kiB} KiB is ${round(kiB - applies.kiB)} KiB over its budget of ${applies.kiB} KiB (${applies.source})`,
        );
      }
      return { route, kiB, budgetKiB: applies.kiB, source: applies.source };
    })
    .sort((a, b) => a.route.localeCompare(b.route));

  // An override that no longer matches any route is a budget nobody checks (a renamed or removed page).
  for (const pattern of patterns(budget).keys()) {
    const used = rows.some((row) => row.source === pattern);
    if (!used) problems.push(`override "${pattern}" matches no route in the build: remove or rename it`);
  }
  return { rows, problems };
}

export function formatTable(rows: RouteVerdict[]): string {
  const header = ["route", "first-load JS (KiB)", "budget (KiB)", "headroom"];
  const body = rows.map((row) => [
    row.route,
    row.kiB.toFixed(1),
    row.budgetKiB === undefined
      ? "none"
      : `${row.budgetKiB}${row.source === "default" ? "" : ` (${row.source})`}`,
    row.budgetKiB === undefined
      ? "-"
      : `${(row.budgetKiB - row.kiB).toFixed(1)} KiB (${(((row.budgetKiB - row.kiB) / row.budgetKiB) * 100).toFixed(1)}%)`,
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.map((line) => line[column]!.length)),
  );
  return [header, ...body]
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
