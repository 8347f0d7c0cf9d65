import { describe, expect, it } from "vitest";
import { MAX_RECENT_ITEMS, type RecentItem, readRecentItems, rememberRecentItem } from "./recent-items";

class MemoryStorage implements Storage {
  private readonly values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

const item = (n: number): RecentItem => ({
  href: `/kerio/extensions?connection=pbx&q=${n}&extension=${n}`,
  label: String(n),
  detail: "",
  group: "Extension on PBX",
});

describe("the palette's recent items", () => {
  it("keeps the newest eight, newest first, and one entry per link", () => {
    const storage = new MemoryStorage();
    for (let n = 1; n <= 10; n++) rememberRecentItem(storage, "u1", item(n));
    rememberRecentItem(storage, "u1", item(5));
    const recent = readRecentItems(storage, "u1");
    expect(recent).toHaveLength(MAX_RECENT_ITEMS);
    expect(recent.map((entry) => entry.label)).toEqual(["5", "10", "9", "8", "7", "6", "4", "3"]);
  });

  it("keeps each person's history apart", () => {
    const storage = new MemoryStorage();
    rememberRecentItem(storage, "u1", item(1));
    expect(readRecentItems(storage, "u2")).toEqual([]);
  });

  it("takes unreadable or foreign storage for no history, and never a link off the console", () => {
    const storage = new MemoryStorage();
    storage.setItem("operator-console:palette-recent:u1", "{not json");
    expect(readRecentItems(storage, "u1")).toEqual([]);
    storage.setItem(
      "operator-console:palette-recent:u1",
      JSON.stringify([
        { ...item(1), href: "//evil.example/x" },
        { ...item(2), href: "https://evil.example" },
        item(3),
        { href: "/x" },
      ]),
    );
    expect(readRecentItems(storage, "u1").map((entry) => entry.label)).toEqual(["3"]);
  });
});
