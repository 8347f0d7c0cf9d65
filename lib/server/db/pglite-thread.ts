import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * PGlite on a thread of its own. PGlite runs PostgreSQL compiled to WebAssembly, and decodes its answers in
 * JavaScript, on the thread that calls it. In the console that was the one thread serving every request: under
 * the 40-operator load the database took a fifth of it while the machine's other core was mostly idle. Here
 * PostgreSQL and the decoding run on a worker thread, and the console's thread receives finished rows (a
 * structured clone, done in native code).
 *
 * Drizzle's PGlite driver calls two methods of its client, `query` and `transaction`; this class has those
 * two. As in PGlite itself, a transaction holds the database's one session until it ends, and other queries
 * wait for it.
 */

const WORKER_FILE = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "lib",
  "server",
  "db",
  "pglite-thread.worker.mjs",
);

/**
 * The thread allocates little that lives: rows, cloned to the console's thread as soon as they are decoded. V8's
 * default young generation (tens of MB for each thread) put the console 40–50 MB over its memory target under
 * the load bench; 4 MB gave the same throughput (docs/benchmarks.md).
 */
const YOUNG_GENERATION_MB = 4;

export interface PgliteThreadOptions {
  /** A folder that exists (initdb has run in it), or `memory://`. */
  dataDir: string;
  /** PGlite's options that are plain data, e.g. `postgresqlconf`. */
  settings: Record<string, string>;
  /** A data folder as PGlite's `dumpDataDir` writes it, loaded instead of running initdb. */
  template?: Blob;
}

export interface QueryOptions {
  rowMode?: "array" | "object";
}

/** PGlite's `Results`, less what the console does not read. */
export interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface Queryable {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
}

interface ThreadError {
  message: string;
  fields: Record<string, string>;
}

type Reply = { id: number; result: unknown; error?: undefined } | { id: number; error: ThreadError };

type Operation =
  | { op: "query"; sql: string; params: unknown[]; rowMode: "array" | "object"; transaction?: number }
  | { op: "begin" }
  | { op: "end"; transaction: number; commit: boolean }
  | { op: "dump" }
  | { op: "memory" }
  | { op: "close" };

/** An error of the database, with PostgreSQL's fields (`code`, `constraint`, …) as PGlite gives them. */
class DatabaseError extends Error {
  constructor({ message, fields }: ThreadError) {
    super(message);
    this.name = "DatabaseError";
    Object.assign(this, fields);
  }
}

export class PgliteThread implements Queryable {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #lastId = 0;
  #stopped: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on("message", (reply: Reply) => this.#settle(reply));
    worker.on("error", (error) => this.#stop(error));
    worker.on("exit", (code) => this.#stop(new Error(`The embedded database stopped (exit code ${code}).`)));
    // An idle database does not keep the process alive; a query in flight does (#send).
    worker.unref();
  }

  static async start({ dataDir, settings, template }: PgliteThreadOptions): Promise<PgliteThread> {
    const data = template ? await template.arrayBuffer() : undefined;
    const worker = new Worker(WORKER_FILE, {
      workerData: { dataDir, settings, template: data },
      transferList: data ? [data] : [],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", (ready: { ready: true } | { ready: false; error: ThreadError }) => {
        if (ready.ready) resolve();
        else reject(new DatabaseError(ready.error));
      });
      worker.once("error", reject);
    }).catch(async (error) => {
      await worker.terminate();
      throw error;
    });
    return new PgliteThread(worker);
  }

  query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    return this.#send({ op: "query", sql, params, rowMode: options.rowMode ?? "object" })
      .reply as Promise<QueryResult>;
  }

  async transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    const begin = this.#send({ op: "begin" });
    await begin.reply;
    const transaction = begin.id;
    const tx: Queryable = {
      query: (sql, params = [], options = {}) =>
        this.#send({ op: "query", sql, params, rowMode: options.rowMode ?? "object", transaction })
          .reply as Promise<QueryResult>,
    };
    let result: T;
    try {
      result = await body(tx);
    } catch (error) {
      // The body's error is the one to report; a rollback that fails too (the thread stopped) adds nothing.
      await this.#send({ op: "end", transaction, commit: false }).reply.catch(() => undefined);
      throw error;
    }
    await this.#send({ op: "end", transaction, commit: true }).reply;
    return result;
  }

  /** The database as PGlite's `dumpDataDir("none")` writes it: a template for `start`. */
  async dumpDataDir(): Promise<Blob> {
    return new Blob([(await this.#send({ op: "dump" }).reply) as ArrayBuffer]);
  }

  /**
   * What the database's thread holds, apart from the rest of the process: its JavaScript heap, and outside it
   * (mostly) PostgreSQL's WebAssembly memory, which never shrinks once grown.
   */
  memory(): Promise<{ heapBytes: number; externalBytes: number }> {
    return this.#send({ op: "memory" }).reply as Promise<{ heapBytes: number; externalBytes: number }>;
  }

  async close(): Promise<void> {
    if (this.#stopped) return;
    await this.#send({ op: "close" }).reply;
    this.#stop(new Error("The embedded database is closed."));
    await this.#worker.terminate();
  }

  #send(operation: Operation): { id: number; reply: Promise<unknown> } {
    const id = ++this.#lastId;
    if (this.#stopped) return { id, reply: Promise.reject(this.#stopped) };
    const reply = new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      if (this.#waiting.size === 1) this.#worker.ref();
      this.#worker.postMessage({ ...operation, id });
    });
    return { id, reply };
  }

  #settle(reply: Reply): void {
    const waiting = this.#waiting.get(reply.id);
    if (!waiting) return;
    this.#waiting.delete(reply.id);
    if (this.#waiting.size === 0) this.#worker.unref();
    if (reply.error) waiting.reject(new DatabaseError(reply.error));
    else waiting.resolve(reply.result);
  }

  /** Every query waiting, and every later one, fails with `error`: the thread is gone. */
  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}
