import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

const CONSOLE = "https://console.example.com";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackUrl("/admin/audit?action=users.", CONSOLE)).toBe("/admin/audit?action=users.");
    expect(safeCallbackUrl("/kerio/extensions#top", CONSOLE)).toBe("/kerio/extensions#top");
  });

  it("turns an absolute address on the console itself into its path", () => {
    expect(safeCallbackUrl("https://console.example.com/admin/users", CONSOLE)).toBe("/admin/users");
  });

  it("sends anything that could leave the site to the overview", () => {
    for (const value of [
      "https://evil.example",
      "http://console.example.com/admin/users",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      null,
    ]) {
      expect(safeCallbackUrl(value, CONSOLE), String(value)).toBe("/");
    }
  });

  it("refuses what the URL parser turns into another host: tabs, newlines, dot segments", () => {
    // `/login?callbackUrl=%2F%09%2Fevil.example`: a browser drops the tab and goes to //evil.example.
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/.//evil.example"]) {
      expect(safeCallbackUrl(value, CONSOLE), JSON.stringify(value)).toBe("/");
    }
  });
});
