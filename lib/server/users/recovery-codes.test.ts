import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "./recovery-codes";

describe("recovery codes", () => {
  it("makes ten distinct codes of four groups of four", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it("reads a code however it is typed, and nothing else", () => {
    expect(normalizeRecoveryCode(" abcd-efgh jkmn-pqr0 ")).toBe("ABCDEFGHJKMNPQR0");
    expect(normalizeRecoveryCode("abcd-efgh-jkmn-pqrO")).toBe("ABCDEFGHJKMNPQR0");
    expect(normalizeRecoveryCode("ABCD-EFGH-JKMN-PQRi")).toBe("ABCDEFGHJKMNPQR1");
    for (const wrong of ["", "123456", "ABCD-EFGH-JKMN-PQR", "ABCD-EFGH-JKMN-PQRSU", "ABCD-EFGH-JKMN-PQR!"]) {
      expect(normalizeRecoveryCode(wrong)).toBeNull();
    }
  });

  it("hashes the normalized form, so typing variants find the same stored hash", () => {
    const a = normalizeRecoveryCode("abcd efgh jkmn pqrs");
    const b = normalizeRecoveryCode("ABCD-EFGH-JKMN-PQRS");
    expect(a && hashRecoveryCode(a)).toBe(b && hashRecoveryCode(b));
    expect(hashRecoveryCode("ABCDEFGHJKMNPQRS")).not.toBe(hashRecoveryCode("ABCDEFGHJKMNPQRT"));
  });
});
