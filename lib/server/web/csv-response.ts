import "server-only";
import { csvLine } from "@/lib/csv";
import { attachmentDisposition } from "./content-disposition";

/** Streams rows as a CSV download without holding the whole file in memory. */
export function csvResponse(
  fileName: string,
  header: readonly string[],
  rows: AsyncIterable<readonly unknown[]>,
) {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
    },
    async pull(controller) {
      // Send rows in chunks: one enqueue per row would spend more time in the stream than in the data.
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachmentDisposition(fileName),
      "cache-control": "no-store",
    },
  });
}
