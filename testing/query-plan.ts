import type { Database } from "@/lib/server/db/client";

/** A drizzle query, not yet run. */
interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/**
 * PostgreSQL's plan for a query on the test database (PGlite), one line per node: the proof that a list reads
 * the index meant for it. The query is not run.
 */
export async function queryPlan(db: Database, query: BuiltQuery): Promise<string> {
  const { sql, params } = query.toSQL();
  const client = (db as unknown as { $client: { query(text: string, values: unknown[]): Promise<unknown> } })
    .$client;
  const plan = (await client.query(`EXPLAIN ${sql}`, params)) as { rows: { "QUERY PLAN": string }[] };
  return plan.rows.map((line) => line["QUERY PLAN"]).join("\n");
}
