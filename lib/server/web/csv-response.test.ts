import { describe, expect, it } from "vitest";
import { csvFile } from "@/lib/csv";
import { csvResponse } from "./csv-response";

const header = ["number", "note"];

/** Rows whose lines straddle chunk boundaries: multi-byte text, and one line longer than a whole chunk. */
function rows(): string[][] {
  const made = Array.from({ length: 5_000 }, (_, index) => [
    String(index),
    `Zoë → ☎ ${"é".repeat(index % 40)}`,
  ]);
  made.splice(2_500, 0, ["long", "☎".repeat(70_000)]);
  return made;
}

async function* asynchronously<T>(items: T[]) {
  for (const item of items) yield item;
}

async function chunksOf(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body ?? []) chunks.push(chunk);
  return chunks;
}

describe("csvResponse", () => {
  it.each([
    ["rows held in memory", () => rows()],
    ["rows read page by page", () => asynchronously(rows())],
  ])("streams the same bytes as the whole file, in chunks (%s)", async (_, source) => {
    const response = csvResponse("calls.csv", header, source());
    const chunks = await chunksOf(response);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(csvFile(header, rows()));
  });

  it("hands the thread back while it builds a chunk, so compression and other requests get their turns", async () => {
    const reader = csvResponse("calls.csv", header, rows()).body!.getReader();
    await reader.read(); // the byte-order mark and the header
    let otherWorkRan = false;
    setImmediate(() => {
      otherWorkRan = true;
    });
    const { value } = await reader.read();
    expect(value?.byteLength).toBeGreaterThan(32 * 1024);
    expect(otherWorkRan).toBe(true);
    await reader.cancel();
  });

  it("names the file and keeps the download out of caches", () => {
    const response = csvResponse("calls.csv", header, []);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="calls.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
