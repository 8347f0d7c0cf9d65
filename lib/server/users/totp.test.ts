import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, stepAt, totp } from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed is the 20-byte ASCII string below; codes are 8 digits there.
const RFC_SECRET = Buffer.from("12345678901234567890", "ascii");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_VECTORS)("gives the Appendix B SHA-1 value at T=%i", (seconds, expected) => {
    expect(totp(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(expected);
  });

  it("gives the RFC 4226 Appendix D HOTP values (6 digits)", () => {
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it("accepts the code of the step before and after, and no further", () => {
    const now = new Date(1_111_111_109_000);
    const step = stepAt(now);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step), now)).toBe(step);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step + 1), now)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step - 2), now)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step + 2), now)).toBeNull();
  });

  it("refuses anything but six digits", () => {
    const now = new Date(59_000);
    const code = totp(RFC_SECRET, now);
    for (const wrong of ["", ` ${code}`, `${code}0`, code.slice(1), "abcdef", "٢٨٧٠٨٢"]) {
      expect(matchingStep(RFC_SECRET, wrong, now)).toBeNull();
    }
  });

  it("round-trips base32 (RFC 4648 §10 vectors, unpadded)", () => {
    const vectors: [string, string][] = [
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode("mzxw 6ytb-oi").toString()).toBe("foobar");
    expect(() => base32Decode("MZ1")).toThrow('"1" is not a base32 character');
  });

  it("builds the key URI authenticator apps read", () => {
    expect(otpauthUri(RFC_SECRET, "ann@example.com", "Operator Console")).toBe(
      "otpauth://totp/Operator%20Console:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Operator+Console&algorithm=SHA1&digits=6&period=30",
    );
  });
});
