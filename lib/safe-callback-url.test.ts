import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackUrl("/admin/audit?action=users.")).toBe("/admin/audit?action=users.");
  });

  it("sends anything that could leave the site to the overview", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      null,
    ]) {
      expect(safeCallbackUrl(value)).toBe("/");
    }
  });
});
