import { PGlite } from "@electric-sql/pglite";
import { readFileSync, readdirSync } from "node:fs";
const opts = { postgresqlconf: "shared_buffers=32MB" };
let t = performance.now();
const db = new PGlite("memory://", opts);
await db.waitReady;
console.log("open", (performance.now() - t).toFixed(0));
t = performance.now();
for (const f of readdirSync("drizzle").filter((f) => f.endsWith(".sql")).sort()) {
  for (const stmt of readFileSync(`drizzle/${f}`, "utf8").split("--> statement-breakpoint")) if (stmt.trim()) await db.exec(stmt);
}
console.log("migrate", (performance.now() - t).toFixed(0));
t = performance.now();
const dump = await db.dumpDataDir("none");
console.log("dump", (performance.now() - t).toFixed(0), dump.size);
await db.close();
t = performance.now();
const db2 = new PGlite("memory://", { ...opts, loadDataDir: dump });
await db2.waitReady;
console.log("load", (performance.now() - t).toFixed(0));
console.log((await db2.query("select count(*) from users")).rows);
t = performance.now();
const db3 = new PGlite("memory://", { ...opts, loadDataDir: dump });
await db3.waitReady;
console.log("load2", (performance.now() - t).toFixed(0));
