import { describe, expect, it } from "vitest";
import { savedViewHref, savedViewQuery } from "./saved-view-vocabulary";

describe("a saved view's query and link", () => {
  it("keeps the filters, sort and page size but not the page or the columns", () => {
    expect(savedViewQuery("?status=active&page=4&cols=profile,status&sort=createdAt&size=100")).toBe(
      "status=active&sort=createdAt&size=100",
    );
    expect(savedViewQuery("")).toBe("");
  });

  it("opens on the list's page with its query and columns, even none", () => {
    expect(
      savedViewHref("/kiwire/vouchers", { query: "status=active", columns: ["profile", "status"] }),
    ).toBe("/kiwire/vouchers?status=active&cols=profile%2Cstatus");
    expect(savedViewHref("/kayako/tickets", { query: "", columns: [] })).toBe("/kayako/tickets?cols=");
  });
});
