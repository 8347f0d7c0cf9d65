import { describe, expect, it } from "vitest";
import { kayakoSignature, randomSalt, signedParams } from "./sign";

describe("Kayako signature", () => {
  it("matches the documented vectors (kayako-notes §2): base64 of the raw HMAC-SHA256 of the salt", () => {
    expect(kayakoSignature("secretKey", "0123456789")).toBe("5v9CUnAGsvsBGwTqoYPQxGwn/u70GOKurN+2tvvSfNo=");
    // What the vendor's PHP snippet prints with its placeholder secret and static salt.
    expect(kayakoSignature("secretkey", "1234567890")).toBe("VKjt8M54liY6xq1UuhUYH5BFp1RUqHekqytgLPrVEA0=");
    expect(kayakoSignature("secretkey", "itobgt701t5nat7oor9z4t813edc5t8d")).toBe(
      "FzqWIZ171Zu+t4s4BfvTo7jtdOHyNzcbgbF2yiJ28ho=",
    );
  });

  it("never produces the vendor example's base64-of-hex form (88 characters)", () => {
    expect(kayakoSignature("secretkey", "1234567890")).toHaveLength(44);
  });

  it("encodes the signature for a URL as the document's example GET does", () => {
    const query = new URLSearchParams({
      e: "/Base/Department",
      ...signedParams("<key>", "secretkey", "1234567890"),
    });
    expect(query.toString()).toContain(
      "salt=1234567890&signature=VKjt8M54liY6xq1UuhUYH5BFp1RUqHekqytgLPrVEA0%3D",
    );
  });

  it("uses a fresh ten-digit salt per request", () => {
    const salts = new Set(Array.from({ length: 20 }, randomSalt));
    expect(salts.size).toBeGreaterThan(18);
    for (const salt of salts) expect(salt).toMatch(/^\d{10}$/);
  });
});
