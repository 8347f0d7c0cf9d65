import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { replaceCachedItem } from "./cached-items";

interface Row {
  id: string;
  name: string;
  health?: string;
}

const byId = (row: Row) => row.id;

describe("replaceCachedItem", () => {
  it("replaces the changed item in every cached list under the key, keeping fields the write did not answer", () => {
    const client = new QueryClient();
    client.setQueryData(["things", "page", 1], {
      items: [{ id: "a", name: "old", health: "ok" }],
      totalItems: 2,
    });
    client.setQueryData(["things", "page", 2], { items: [{ id: "b", name: "other" }], totalItems: 2 });
    client.setQueryData(["elsewhere"], { items: [{ id: "a", name: "old" }] });

    replaceCachedItem<Row>(client, ["things"], { id: "a", name: "new" }, byId);

    expect(client.getQueryData(["things", "page", 1])).toEqual({
      items: [{ id: "a", name: "new", health: "ok" }],
      totalItems: 2,
    });
    expect(client.getQueryData(["things", "page", 2])).toEqual({
      items: [{ id: "b", name: "other" }],
      totalItems: 2,
    });
    // Outside the key nothing changes.
    expect(client.getQueryData(["elsewhere"])).toEqual({ items: [{ id: "a", name: "old" }] });
  });

  it("leaves cached data that holds no list, and lists without the item, as they were", () => {
    const client = new QueryClient();
    const suggestion = { number: "105" };
    const page = { items: [{ id: "b", name: "other" }] };
    client.setQueryData(["things", "next"], suggestion);
    client.setQueryData(["things", "page", 1], page);

    replaceCachedItem<Row>(client, ["things"], { id: "a", name: "new" }, byId);

    expect(client.getQueryData(["things", "next"])).toBe(suggestion);
    expect(client.getQueryData(["things", "page", 1])).toBe(page);
  });
});
