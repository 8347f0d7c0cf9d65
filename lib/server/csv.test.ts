import { describe, expect, it } from "vitest";
import { csvResponse } from "@/lib/server/web/csv-response";

const rows = Array.from({ length: 5000 }, (_, index) => [
  index,
  `name ${index}`,
  index % 7 === 0 ? "=SUM(A1)" : "a,b",
]);
const expected = `\uFEFFid,name,note\r\n${rows
  .map(([id, name, note]) => `${id},${name},${note === "a,b" ? '"a,b"' : "'=SUM(A1)"}\r\n`)
  .join("")}`;

async function* fromDatabase() {
  for (const row of rows) yield row;
}

describe("csvResponse", () => {
  it("writes the same file from rows in memory and from rows read one by one, over several chunks", async () => {
    for (const source of [rows, fromDatabase()]) {
      const response = csvResponse("x.csv", ["id", "name", "note"], source);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      let chunks = 0;
      const reader = response.body!.getReader();
      const parts: Uint8Array[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        parts.push(next.value);
        chunks++;
      }
      expect(chunks).toBeGreaterThan(2);
      expect(Buffer.concat(parts).toString("utf8")).toBe(expected);
    }
  });

  it("stops reading rows when the download is cancelled", async () => {
    let read = 0;
    function* counted() {
      try {
        for (const row of rows) {
          read++;
          yield row;
        }
      } finally {
        read = -read;
      }
    }
    const reader = csvResponse("x.csv", ["id", "name", "note"], counted()).body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    // Negative: the generator's finally ran (it was closed), after reading only part of the rows.
    expect(read).toBeLessThan(0);
    expect(-read).toBeLessThan(rows.length);
  });
});
