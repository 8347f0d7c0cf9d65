import { scryptSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { atProductionHashCost } from "@/testing/production-hash-cost";
import { hashPassword, needsRehash, verifyPassword } from "./password-hash";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    await atProductionHashCost(async () => {
      const encoded = await hashPassword("correct horse battery staple");
      // OWASP's minimum for scrypt: N=2^17, r=8, p=1.
      expect(encoded).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      expect(needsRehash(encoded)).toBe(false);
      expect(await verifyPassword("correct horse battery staple", encoded)).toBe(true);
      expect(await verifyPassword("correct horse battery stapl", encoded)).toBe(false);
    });
  });

  it("hashes at the production cost wherever the console runs: only the test runner hashes cheaply", async () => {
    // `next start` and `next build` run as production, `next dev` as development, the scripts without NODE_ENV.
    const hashUnder = async (nodeEnv: string | undefined) => {
      vi.stubEnv("NODE_ENV", nodeEnv);
      try {
        return await hashPassword("correct horse battery staple");
      } finally {
        vi.unstubAllEnvs();
      }
    };
    for (const nodeEnv of ["production", "development", undefined]) {
      expect(await hashUnder(nodeEnv)).toMatch(/^scrypt\$131072\$8\$1\$/);
    }
    const cheap = await hashUnder("test");
    expect(cheap).not.toMatch(/^scrypt\$131072\$/);
    expect(await verifyPassword("correct horse battery staple", cheap)).toBe(true);
  });

  it("still verifies hashes made at the former cost, and marks them for re-hashing", async () => {
    // "correct horse battery staple" at N=2^15, as the console stored it before.
    const former =
      "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$" +
      scryptSync("correct horse battery staple", Buffer.alloc(16), 32, {
        N: 2 ** 15,
        r: 8,
        p: 1,
        maxmem: 2 ** 26,
      }).toString("base64url");
    expect(await verifyPassword("correct horse battery staple", former)).toBe(true);
    expect(needsRehash(former)).toBe(true);
    expect(needsRehash("md5$abc")).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  it("refuses encodings it does not know instead of throwing", async () => {
    expect(await verifyPassword("anything at all", "md5$abc")).toBe(false);
    expect(await verifyPassword("anything at all", "")).toBe(false);
  });
});
