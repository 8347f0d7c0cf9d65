import { z } from "zod";

/**
 * The first-load JavaScript budget: the chunks `next build` lists per route in
 * `.next/diagnostics/route-bundle-stats.json`, measured as the browser downloads them (gzip) and held against
 * `bundle-budget.json`; plus a guard that no page's first load carries the schema library. Pure functions
 * (chunk files come through a reader), so the rules are tested without a build; `scripts/bundle-budget.ts`
 * reads the files and prints the verdict.
 */

const KIB = 1024;

const RouteStatsSchema = z.array(
  z.object({
    route: z.string().startsWith("/"),
    firstLoadChunkPaths: z.array(z.string().min(1)),
  }),
);
export type RouteStats = z.infer<typeof RouteStatsSchema>;

const PATTERN = /^\/[^*]*(\/\*)?$/;
const BudgetSchema = z
  .object({
    /** Gzip KiB for every route no override matches; leave it out to require an entry for each route. */
    defaultGzipKiB: z.number().positive().optional(),
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
          gzipKiB: z.number().positive(),
          why: z.string().min(1, "say why these routes may be larger than the default"),
        }),
      )
      .default([]),
  })
  .strict()
  .superRefine((budget, context) => {
    const seen = new Set<string>();
    for (const pattern of budget.overrides.flatMap((override) => override.routes)) {
      if (seen.has(pattern))
        context.addIssue({ code: "custom", path: ["overrides"], message: `${pattern} is listed twice` });
      seen.add(pattern);
    }
  });
export type Budget = z.infer<typeof BudgetSchema>;

/**
 * Strings of zod's own code that survive minification (a class name given as a string, a property path of
 * every schema): one of them in a first-load chunk means some module on the page's static import graph
 * builds or inspects schemas. `_zod.def` also catches zod's core utilities riding alone in a shared chunk.
 */
export const SCHEMA_LIBRARY_MARKERS = ['"$ZodType"', "._zod.def"] as const;

/** Every route pattern with its budget, as written in the file. */
function patterns(budget: Budget): Map<string, number> {
  return new Map(
    budget.overrides.flatMap((override) =>
      override.routes.map((route) => [route, override.gzipKiB] as const),
    ),
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

/** What the check needs of one chunk file: its gzip size and its text (to look for the schema library). */
export interface ChunkFacts {
  gzipBytes: number;
  text: string;
}

export interface RouteMeasure {
  route: string;
  gzipBytes: number;
  /** First-load chunks of this route that carry the schema library. */
  schemaChunks: string[];
}

/** Sums each route's first-load chunks; a chunk shared by many routes is read once. */
export function measureRoutes(stats: RouteStats, readChunk: (path: string) => ChunkFacts): RouteMeasure[] {
  const facts = new Map<string, ChunkFacts & { schema: boolean }>();
  const factsOf = (path: string) => {
    let known = facts.get(path);
    if (!known) {
      const read = readChunk(path);
      known = { ...read, schema: SCHEMA_LIBRARY_MARKERS.some((marker) => read.text.includes(marker)) };
      facts.set(path, known);
    }
    return known;
  };
  return stats.map(({ route, firstLoadChunkPaths }) => ({
    route,
    gzipBytes: firstLoadChunkPaths.reduce((sum, path) => sum + factsOf(path).gzipBytes, 0),
    schemaChunks: firstLoadChunkPaths.filter((path) => factsOf(path).schema),
  }));
}

/** The override for a route: an exact entry first, then the longest matching "/prefix/*", then the default. */
export function budgetFor(route: string, budget: Budget): { kiB: number; source: string } | undefined {
  const byPattern = patterns(budget);
  const exact = byPattern.get(route);
  if (exact !== undefined) return { kiB: exact, source: route };
  const best = [...byPattern.keys()]
    .filter((pattern) => pattern.endsWith("/*") && route.startsWith(pattern.slice(0, -1)))
    .sort((a, b) => b.length - a.length)[0];
  if (best) return { kiB: byPattern.get(best)!, source: best };
  if (budget.defaultGzipKiB !== undefined) return { kiB: budget.defaultGzipKiB, source: "default" };
  return undefined;
}

export interface RouteVerdict {
  route: string;
  /** Gzip KiB of the route's first-load JavaScript. */
  kiB: number;
  budgetKiB?: number;
  source?: string;
  schemaLibrary: boolean;
}

export interface BudgetReport {
  rows: RouteVerdict[];
  /** One line per problem; empty when every route is within its budget. */
  problems: string[];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function checkBudget(measures: RouteMeasure[], budget: Budget): BudgetReport {
  const problems: string[] = [];
  if (measures.length === 0) problems.push("the route bundle stats list no routes: was the build complete?");
  const rows = [...measures]
    .sort((a, b) => a.route.localeCompare(b.route))
    .map(({ route, gzipBytes, schemaChunks }): RouteVerdict => {
      const kiB = round(gzipBytes / KIB);
      const schemaLibrary = schemaChunks.length > 0;
      if (schemaLibrary) {
        problems.push(
          `${route}: zod (the schema library) is in its first-load JavaScript (${schemaChunks.join(", ")}): a module this page imports statically builds schemas. Import constants from a zod-free module (lib/*-vocabulary.ts) and load forms and dialogs that validate with next/dynamic`,
        );
      }
      const applies = budgetFor(route, budget);
      if (!applies) {
        problems.push(`${route}: no budget applies (add an override or a defaultGzipKiB to the budget file)`);
        return { route, kiB, schemaLibrary };
      }
      if (kiB > applies.kiB) {
        problems.push(
          `${route}: ${kiB} KiB gzip is ${round(kiB - applies.kiB)} KiB over its budget of ${applies.kiB} KiB (${applies.source})`,
        );
      }
      return { route, kiB, budgetKiB: applies.kiB, source: applies.source, schemaLibrary };
    });

  // An override that no longer matches any route is a budget nobody checks (a renamed or removed page).
  for (const pattern of patterns(budget).keys()) {
    const used = rows.some((row) => row.source === pattern);
    if (!used) problems.push(`override "${pattern}" matches no route in the build: remove or rename it`);
  }
  return { rows, problems };
}

export function formatTable(rows: RouteVerdict[]): string {
  const header = ["route", "first-load JS (KiB gzip)", "budget (KiB)", "headroom", "zod"];
  const body = rows.map((row) => [
    row.route,
    row.kiB.toFixed(1),
    row.budgetKiB === undefined
      ? "none"
      : `${row.budgetKiB}${row.source === "default" ? "" : ` (${row.source})`}`,
    row.budgetKiB === undefined
      ? "-"
      : `${(row.budgetKiB - row.kiB).toFixed(1)} KiB (${(((row.budgetKiB - row.kiB) / row.budgetKiB) * 100).toFixed(1)}%)`,
    row.schemaLibrary ? "YES" : "no",
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
