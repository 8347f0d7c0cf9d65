import { describe, expect, it } from "vitest";
import { MemoryState } from "./memory-state";
import { AGREEMENT_TTL_MS, agreeOnSecrets, fingerprint, SecretMismatchError } from "./secret-agreement";

const A = {
  NEXTAUTH_SECRET: fingerprint("auth-secret-one-auth-secret-one-0000"),
  CONSOLE_SECRET_KEY: fingerprint("key-one-key-one-key-one-key-one-0000"),
};

describe("secrets agreed between instances", () => {
  it("fingerprints equal secrets equally and reveals nothing of them", () => {
    expect(fingerprint("same-secret")).toBe(fingerprint("same-secret"));
    expect(fingerprint("same-secret")).not.toBe(fingerprint("same-secret!"));
    expect(fingerprint("same-secret")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("lets instances with the same secrets start, and refuses one whose secret differs, naming it", async () => {
    const state = new MemoryState();
    const stopFirst = await agreeOnSecrets(state, A);
    const stopSecond = await agreeOnSecrets(state, { ...A });
    const different = { ...A, NEXTAUTH_SECRET: fingerprint("another-auth-secret-another-000000") };
    const error = await agreeOnSecrets(state, different).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SecretMismatchError);
    expect((error as Error).message).toMatch(
      /^NEXTAUTH_SECRET differs from the value the other running console instances use/,
    );
    const both = await agreeOnSecrets(state, { NEXTAUTH_SECRET: "x", CONSOLE_SECRET_KEY: "y" }).catch(
      (caught: unknown) => caught,
    );
    expect((both as SecretMismatchError).names).toEqual(["NEXTAUTH_SECRET", "CONSOLE_SECRET_KEY"]);
    stopFirst();
    stopSecond();
  });

  it("accepts new secrets once no instance has published the old ones for a whole TTL", async () => {
    const clock = { ms: 0 };
    const state = new MemoryState(() => clock.ms);
    (await agreeOnSecrets(state, A))();
    clock.ms = AGREEMENT_TTL_MS - 1;
    await expect(agreeOnSecrets(state, { ...A, CONSOLE_SECRET_KEY: "new" })).rejects.toThrow(
      /CONSOLE_SECRET_KEY differs/,
    );
    clock.ms = AGREEMENT_TTL_MS;
    const stop = await agreeOnSecrets(state, { NEXTAUTH_SECRET: "new", CONSOLE_SECRET_KEY: "new" });
    stop();
  });
});
