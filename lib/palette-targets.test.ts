import { describe, expect, it } from "vitest";
import { searchItemHref } from "./palette-targets";

const query = (href: string) => Object.fromEntries(new URL(href, "http://console.test").searchParams);

describe("where the palette opens an item", () => {
  it("opens an extension in its list, filtered to the number, with the edit dialog named", () => {
    const href = searchItemHref("extension", "pbx-main", "205");
    expect(href.startsWith("/kerio/extensions?")).toBe(true);
    expect(query(href)).toEqual({ connection: "pbx-main", q: "205", extension: "205" });
  });

  it("opens a ticket's panel whatever its status", () => {
    expect(query(searchItemHref("ticket", "help", "42"))).toEqual({
      connection: "help",
      status: "all",
      ticket: "42",
    });
  });

  it("encodes what it puts in the link", () => {
    const href = searchItemHref("hotspotUser", "wifi", "maria+guest@example.com");
    expect(href).toContain("user=maria%2Bguest%40example.com");
    expect(query(href).user).toBe("maria+guest@example.com");
  });

  it("opens calls and vouchers on their own pages", () => {
    expect(searchItemHref("call", "calls", "1463997154.0")).toBe(
      "/kalliope/calls?connection=calls&call=1463997154.0",
    );
    expect(searchItemHref("voucher", "wifi", "ABC123")).toBe("/kiwire/vouchers?connection=wifi&q=ABC123");
  });
});
