import { describe, expect, it } from "vitest";
import { searchIntents } from "./search-query";

const kinds = (query: string) => searchIntents(query).map((intent) => intent.kind);

describe("what a palette query can mean", () => {
  it("reads digits as an extension number, a ticket id, a voucher code and a user's name", () => {
    expect(kinds("205")).toEqual(["extension", "ticket", "voucher", "hotspotUser"]);
    expect(searchIntents(" 205 ").map((intent) => intent.value)).toEqual(["205", "205", "205", "205"]);
  });

  it("reads a Kayako mask as a ticket (in capitals, as Kayako prints it) and as nothing numeric", () => {
    const intents = searchIntents("abc-123-45678");
    expect(intents.find((intent) => intent.kind === "ticket")).toEqual({
      kind: "ticket",
      value: "ABC-123-45678",
      meaning: "ticketMask",
    });
    expect(kinds("abc-123-45678")).not.toContain("extension");
    expect(kinds("ABC-12-45678")).not.toContain("ticket");
  });

  it("reads epoch.sequence as a KalliopePBX unique id, and a bare epoch not", () => {
    expect(kinds("1463997154.0")).toContain("call");
    expect(kinds("1463997154")).not.toContain("call");
    expect(kinds("1463997154.0")).not.toContain("extension");
  });

  it("keeps numbers of more than ten digits away from the extensions, and long ids away from tickets", () => {
    expect(kinds("12345678901")).not.toContain("extension");
    expect(kinds("1234567890")).not.toContain("ticket");
  });

  it("takes a full name with spaces for a hotspot user only", () => {
    expect(kinds("Maria Rossi")).toEqual(["hotspotUser"]);
  });

  it("needs three characters for a voucher code and two for a user", () => {
    expect(kinds("ab")).toEqual(["hotspotUser"]);
    expect(kinds("a")).toEqual([]);
    expect(kinds("   ")).toEqual([]);
  });

  it("sends no text with control characters to any appliance", () => {
    expect(kinds("ab\u0000cd")).toEqual([]);
  });

  it("names what each kind searched, one meaning per kind (the palette finds a source's by its kind)", () => {
    expect(searchIntents("20").find((intent) => intent.kind === "extension")?.meaning).toBe(
      "extensionNumber",
    );
    for (const query of ["205", "abc-123-45678", "1463997154.0", "Maria Rossi"]) {
      const found = kinds(query);
      expect(new Set(found).size, query).toBe(found.length);
    }
  });
});
