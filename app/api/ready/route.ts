import { sql } from "drizzle-orm";
import { database } from "@/lib/server/db/client";

/** Readiness: the database answers a query. A load balancer sends traffic only while this is 200. */
export async function GET() {
  try {
    const db = await database();
    await db.execute(sql`SELECT 1`);
    return Response.json({ status: "ready", database: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json(
      { status: "not-ready", database: "unreachable" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
