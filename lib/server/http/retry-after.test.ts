import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./retry-after";

const SENT_AT = Date.parse("Sun, 06 Dec 2026 20:00:00 GMT");

describe("retryAfterMs", () => {
  it("reads a number of seconds", () => {
    expect(retryAfterMs("2", SENT_AT)).toBe(2_000);
    expect(retryAfterMs(" 0 ", SENT_AT)).toBe(0);
  });

  it("reads an HTTP-date against the moment the answer was sent", () => {
    expect(retryAfterMs("Sun, 06 Dec 2026 20:00:30 GMT", SENT_AT)).toBe(30_000);
    expect(retryAfterMs("Sun, 06 Dec 2026 19:59:00 GMT", SENT_AT)).toBe(0);
  });

  it("ignores what is neither form", () => {
    for (const value of [undefined, "", "soon", "-5", "1.5", "0x10"])
      expect(retryAfterMs(value, SENT_AT)).toBeUndefined();
  });
});
