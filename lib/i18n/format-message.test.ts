import { describe, expect, it } from "vitest";
import { formatMessage, placeholdersOf } from "./format-message";

describe("formatMessage", () => {
  it("fills named placeholders, numbers in the locale's digits", () => {
    expect(formatMessage("Hello {name}", { name: "Ann" }, "en")).toBe("Hello Ann");
    expect(formatMessage("{count} vouchers", { count: 20000 }, "en")).toBe("20,000 vouchers");
    expect(formatMessage("{count} voucher", { count: 20000 }, "it")).toBe("20.000 voucher");
  });

  it("leaves a placeholder without a value as written, so the gap shows", () => {
    expect(formatMessage("Hello {name}", {}, "en")).toBe("Hello {name}");
  });

  it("chooses the plural form by the language's rules, exact matches first", () => {
    const message = "{count, plural, =0 {No calls} one {# call} other {# calls}}";
    expect(formatMessage(message, { count: 0 }, "en")).toBe("No calls");
    expect(formatMessage(message, { count: 1 }, "en")).toBe("1 call");
    expect(formatMessage(message, { count: 1234 }, "en")).toBe("1,234 calls");
    const italian = "{count, plural, one {# chiamata} other {# chiamate}}";
    expect(formatMessage(italian, { count: 1 }, "it")).toBe("1 chiamata");
    expect(formatMessage(italian, { count: 2 }, "it")).toBe("2 chiamate");
  });

  it("selects by value and nests placeholders and plurals inside options", () => {
    const message =
      "{kind, select, user {{name} has {count, plural, one {# token} other {# tokens}}} other {none}}";
    expect(formatMessage(message, { kind: "user", name: "Ann", count: 2 }, "en")).toBe("Ann has 2 tokens");
    expect(formatMessage(message, { kind: "robot" }, "en")).toBe("none");
  });

  it("rejects a message with unbalanced braces, so a broken catalog fails its test", () => {
    expect(() => formatMessage("Hello {name", { name: "Ann" }, "en")).toThrow(/Unbalanced/);
  });
});

describe("placeholdersOf", () => {
  it("names every argument, including those inside plural options", () => {
    expect(placeholdersOf("{a} and {count, plural, one {# of {b}} other {many}}")).toEqual([
      "a",
      "b",
      "count",
    ]);
    expect(placeholdersOf("no arguments")).toEqual([]);
  });
});
