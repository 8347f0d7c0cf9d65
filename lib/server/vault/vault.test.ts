import { describe, expect, it } from "vitest";
import { createVault, VaultError } from "./vault";

const MASTER = "a master secret of at least thirty-two characters";
const context = { connectionId: "pbx-main", field: "password" };

/** Replaces one base64url character of a sealed value's part with another valid one. */
function flip(sealed: string, partIndex: number): string {
  const parts = sealed.split(".");
  const part = parts[partIndex] ?? "";
  parts[partIndex] = `${part[0] === "A" ? "B" : "A"}${part.slice(1)}`;
  return parts.join(".");
}

describe("vault", () => {
  const vault = createVault(MASTER);

  it("round-trips a secret, unicode included", () => {
    for (const secret of ["s3cret!", "пароль with spaces and 🔑", "x".repeat(4096)]) {
      expect(vault.open(vault.seal(secret, context), context)).toBe(secret);
    }
  });

  it("uses a fresh IV per value and never stores the plaintext", () => {
    const first = vault.seal("the same secret", context);
    const second = vault.seal("the same secret", context);
    expect(first).not.toBe(second);
    expect(first.split(".")[2]).not.toBe(second.split(".")[2]);
    expect(first).not.toContain("the same secret");
    expect(first).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const sealed = vault.seal("s3cret!", context);
    for (const part of [2, 3, 4]) {
      expect(() => vault.open(flip(sealed, part), context)).toThrow(/integrity check/);
    }
  });

  it("refuses a value opened as another connection's or another field's (associated data)", () => {
    const sealed = vault.seal("s3cret!", context);
    expect(() => vault.open(sealed, { connectionId: "pbx-other", field: "password" })).toThrow(VaultError);
    expect(() => vault.open(sealed, { connectionId: "pbx-main", field: "apiKey" })).toThrow(
      /copied from another connection/,
    );
  });

  it("names the key a value was sealed under when the console has another", () => {
    const sealed = createVault("another master secret, also long enough!!").seal("s3cret!", context);
    expect(() => vault.open(sealed, context)).toThrow(
      /sealed under master key [0-9a-f]{8}.*CONSOLE_SECRET_KEY/,
    );
  });

  it("opens values sealed under a previous key (an interrupted rotation) and seals with the new one", () => {
    const old = createVault(MASTER);
    const sealed = old.seal("s3cret!", context);
    const rotated = createVault("the new master secret, long enough too!", [MASTER]);
    expect(rotated.open(sealed, context)).toBe("s3cret!");
    expect(rotated.keyIdOf(rotated.seal("s3cret!", context))).toBe(rotated.keyId);
    expect(rotated.keyId).not.toBe(old.keyId);
  });

  it("refuses something that is not a sealed value", () => {
    expect(() => vault.open("plain text", context)).toThrow(/not a sealed secret/);
    expect(vault.keyIdOf("plain text")).toBeNull();
  });
});
