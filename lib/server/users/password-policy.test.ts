import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("password policy (NIST SP 800-63B)", () => {
  it("accepts a long passphrase with no composition rules", () => {
    expect(checkPassword("correct horse battery staple")).toEqual({ ok: true });
    expect(checkPassword("alllowercaseletters")).toEqual({ ok: true });
  });

  it("rejects fewer than 12 characters and says how many there are", () => {
    const verdict = checkPassword("Sh0rt!pass");
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && String(verdict.reason)).toContain("at least 12");
    expect(verdict.ok === false && String(verdict.reason)).toContain("10");
  });

  it("counts characters, not bytes", () => {
    expect(checkPassword("ééééééééééé").ok).toBe(false); // 11 characters, 22 bytes
  });

  it("rejects passwords on the shipped common list, in any case", () => {
    expect(checkPassword("qwerty123456").ok).toBe(false);
    expect(checkPassword("1QAZ2WSX3EDC").ok).toBe(false);
  });

  it("rejects a common word with digits or symbols appended", () => {
    const verdict = checkPassword("password2024!!");
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && String(verdict.reason)).toMatch(/common/);
  });

  it("rejects repetitive and sequential patterns", () => {
    expect(checkPassword("aaaaaaaaaaaaaa").ok).toBe(false);
    expect(checkPassword("abcabcabcabc").ok).toBe(false);
    expect(checkPassword("abcdefghijklm").ok).toBe(false);
  });

  it("rejects a password made from the account's own email", () => {
    expect(checkPassword("margherita.rossi", { email: "margheritarossi@example.com" }).ok).toBe(false);
    expect(checkPassword("margherita.rossi", { email: "someone@example.com" }).ok).toBe(true);
  });

  it("rejects absurdly long input", () => {
    expect(checkPassword("x".repeat(100) + "y".repeat(200)).ok).toBe(false);
  });
});
