import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("takes the best-ranked supported language of Accept-Language", () => {
    expect(negotiateLocale("it-IT,it;q=0.9,en-US;q=0.8")).toBe("it");
    expect(negotiateLocale("de-DE, en;q=0.5, it;q=0.7")).toBe("it");
    expect(negotiateLocale("fr, en-GB;q=0.8")).toBe("en");
  });

  it("keeps the header's order between equal qualities and skips refused languages", () => {
    expect(negotiateLocale("en, it")).toBe("en");
    expect(negotiateLocale("it;q=0, en")).toBe("en");
  });

  it("falls back to English without a header or a supported language", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("de, fr;q=0.5")).toBe("en");
    expect(negotiateLocale("*;q=abc")).toBe("en");
  });
});
