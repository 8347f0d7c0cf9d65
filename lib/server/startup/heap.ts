import "server-only";
import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the JavaScript heap grow past what its last full collection kept alive, in percent.
 *
 * Left to itself V8 grows the heap up to 4× the live heap on a machine whose heap limit is 2 GiB or more
 * (Node.js derives the limit from the machine's memory: 4 GiB on the 24 GiB development machine). Under the
 * 40-operator load the console keeps about 125 MiB alive, V8 let the heap reach 470 MiB between two full
 * collections, and the console's resident set reached 800 MiB. At 30 % a full collection comes about every
 * 2 s under that load, for about 2.5 % of the main thread, and the heap stays under 180 MiB
 * (docs/benchmarks.md). V8 reads the flag at every collection, so setting it in a running process takes
 * effect from the next one; the heap's limit stays where it was, so nothing that needs more memory fails.
 */
export const HEAP_GROWTH_PERCENT = 30;

export const HEAP_GROWTH_FLAG = `--heap-growing-percent=${HEAP_GROWTH_PERCENT}`;

export function boundHeapGrowth(): void {
  setFlagsFromString(HEAP_GROWTH_FLAG);
}
