// The embedded database's own thread, started by lib/server/db/pglite-thread.ts. Plain JavaScript that Node
// loads from this path, not a bundled module: it imports PGlite from node_modules as the console does.
// Everything PGlite is opened with lives here, because functions (type parsers, extensions) cannot be posted
// to a thread: this file is the one place the console opens PGlite.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const BYTEA = 17;
/**
 * Dates, timestamps, intervals and their arrays stay PostgreSQL's text: drizzle maps them itself, and asks
 * PGlite for exactly this with parser functions on every query (drizzle-orm/pglite's session).
 */
const TEXT_TYPES = [1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231];
const asText = (text) => text;

const { dataDir, settings, template } = workerData;
const db = new PGlite(dataDir, {
  ...settings,
  // The migrations create these; PGlite builds each extension as a module loaded only when asked for here.
  extensions: { pg_trgm },
  loadDataDir: template ? new Blob([template]) : undefined,
  // bytea in PostgreSQL's hex form through Node's hex codec. PGlite's own writes a value one byte at a time in
  // JavaScript and reads it back with a parseInt per byte: a month of cached KalliopePBX days (a few MB
  // gzipped) took about a second each way.
  serializers: {
    [BYTEA]: (value) => `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`,
  },
  parsers: {
    ...Object.fromEntries(TEXT_TYPES.map((type) => [type, asText])),
    [BYTEA]: (text) => Buffer.from(text.slice(2), "hex"),
  },
});

/** Open transactions by the id of the message that began them. Each holds PGlite's session until it ends. */
const transactions = new Map();

/** What the console's thread needs of an error: the message and PostgreSQL's fields, as plain data. */
function plainError(error) {
  const fields = {};
  for (const key of ["code", "detail", "hint", "constraint", "table", "column", "schema", "severity"])
    if (typeof error?.[key] === "string") fields[key] = error[key];
  return { message: error instanceof Error ? error.message : String(error), fields };
}

async function query({ sql, params, rowMode, transaction }) {
  const session = transaction === undefined ? db : transactions.get(transaction)?.tx;
  if (!session) throw new Error(`transaction ${transaction} is not open`);
  const { rows, fields, affectedRows } = await session.query(sql, params, { rowMode });
  return { rows, fields, affectedRows };
}

/** Answers once the transaction has begun; it then stays open, other queries waiting, until `end`. */
function begin(id) {
  return new Promise((begun, failed) => {
    const done = db.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          transactions.set(id, { tx, commit, rollback, done });
          begun({});
        }),
    );
    done.catch(failed).finally(() => transactions.delete(id));
  });
}

async function end({ transaction, commit }) {
  const open = transactions.get(transaction);
  if (!open) throw new Error(`transaction ${transaction} is not open`);
  if (commit) {
    open.commit();
    await open.done;
  } else {
    open.rollback(new Error("rolled back"));
    await open.done.catch(() => undefined);
  }
  return {};
}

async function dump() {
  // Uncompressed: the tests load it once per file, where gunzipping would cost more than reading it.
  const file = await db.dumpDataDir("none");
  return file.arrayBuffer();
}

const OPERATIONS = {
  query,
  begin: (message) => begin(message.id),
  end,
  dump,
  // This thread's memory alone: its JavaScript heap, and outside it PostgreSQL's WebAssembly memory.
  memory: async () => {
    const { used_heap_size, external_memory } = getHeapStatistics();
    return { heapBytes: used_heap_size, externalBytes: external_memory };
  },
  close: () => db.close().then(() => ({})),
};

parentPort.on("message", (message) => {
  const operation = OPERATIONS[message.op];
  const answer = operation
    ? operation(message)
    : Promise.reject(new Error(`unknown operation ${message.op}`));
  answer.then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: plainError(error) }),
  );
});

db.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: plainError(error) }),
);
