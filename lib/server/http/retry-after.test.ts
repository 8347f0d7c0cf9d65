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

  // The suite runs with TZ=UTC (vitest.config.ts), where local time is GMT: the asctime case shows its zone
  // only under another, e.g. `TZ=Europe/Rome npx vitest run lib/server/http/retry-after.test.ts`, which
  // fails by an hour if the form is read as local time.
  it("reads the two obsolete date forms as GMT too, asctime's included, which names no zone", () => {
    expect(retryAfterMs("Sunday, 06-Dec-26 20:00:30 GMT", SENT_AT)).toBe(30_000);
    expect(retryAfterMs("Sun Dec  6 20:00:30 2026", SENT_AT)).toBe(30_000);
  });

  it("ignores what is neither form", () => {
    for (const value of [undefined, "", "soon", "-5", "1.5", "0x10"])
      expect(retryAfterMs(value, SENT_AT)).toBeUndefined();
  });
});
