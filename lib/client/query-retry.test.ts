import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./api-fetch";
import { retryReads } from "./query-retry";

describe("retryReads", () => {
  it("never repeats an answer of the BFF: it already retried the appliance", () => {
    expect(
      retryReads(0, new ApiRequestError(502, "vendor_unreachable", "Kiwire at … closed the connection")),
    ).toBe(false);
    expect(retryReads(0, new ApiRequestError(504, "vendor_timeout", "…did not answer"))).toBe(false);
  });

  it("tries once more when the console itself could not be reached", () => {
    expect(retryReads(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(retryReads(1, new TypeError("Failed to fetch"))).toBe(false);
  });
});
