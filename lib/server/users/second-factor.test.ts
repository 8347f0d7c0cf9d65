import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACCOUNT_RULE } from "@/lib/server/auth/login-throttle";
import { signIn } from "@/lib/server/auth/sign-in";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, userRecoveryCodes, userSecondFactors } from "@/lib/server/db/schema";
import { freshDatabase } from "@/testing/test-db";
import { confirmEnrolment, isEnrolled, removeSecondFactor, startEnrolment } from "./second-factor";
import { base32Decode, hotp, stepAt } from "./totp";
import { createUser } from "./users";

process.env.CONSOLE_SECRET_KEY ??= "unit-test-master-key-unit-test-master-key";

let db: Database;
let userId: string;
const email = "ann@example.com";
const password = "correct horse battery staple";
const client = { address: "198.51.100.7", userAgent: "vitest" };
const T0 = new Date("2026-12-03T12:00:10Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Enrols Ann at T0 and answers her secret and recovery codes. */
async function enrol() {
  const { secret } = await startEnrolment(db, { id: userId, email });
  const key = base32Decode(secret);
  const codes = await confirmEnrolment(db, userId, hotp(key, stepAt(T0)), T0);
  if (!codes) throw new Error("enrolment refused its own code");
  return { key, codes };
}

const codeAt = (key: Buffer, time: Date) => hotp(key, stepAt(time));
/** Signs in at `now` (only Date is faked: the database's own timers keep running). */
async function signInWith(code?: string, now = T0) {
  vi.useFakeTimers({ toFake: ["Date"], now });
  try {
    return await signIn(db, { email, password, ...(code !== undefined && { code }) }, client);
  } finally {
    vi.useRealTimers();
  }
}

beforeEach(async () => {
  db = await freshDatabase();
  userId = (await createUser(db, { email, name: "Ann", role: "operator", password })).id;
});

describe("enrolment", () => {
  it("keeps the secret sealed at rest and turns on only with a right first code", async () => {
    const { secret, uri } = await startEnrolment(db, { id: userId, email });
    expect(uri).toContain(`secret=${secret}`);
    const [row] = await db.select().from(userSecondFactors);
    expect(row?.secretSealed).toMatch(/^v1\./);
    expect(row?.secretSealed).not.toContain(secret);
    const key = base32Decode(secret);
    expect(
      await confirmEnrolment(db, userId, "000000" === codeAt(key, T0) ? "111111" : "000000", T0),
    ).toBeNull();
    expect(await isEnrolled(db, userId)).toBe(false);
    const codes = await confirmEnrolment(db, userId, codeAt(key, T0), T0);
    expect(codes).toHaveLength(10);
    expect(await isEnrolled(db, userId)).toBe(true);
    const stored = await db.select().from(userRecoveryCodes);
    expect(stored).toHaveLength(10);
    for (const code of codes ?? []) expect(stored.map((r) => r.codeHash)).not.toContain(code);
  });

  it("refuses a sealed secret copied onto another person's row", async () => {
    await enrol();
    const bob = await createUser(db, { email: "bob@example.com", name: "Bob", role: "viewer", password });
    const [ann] = await db.select().from(userSecondFactors);
    await db.insert(userSecondFactors).values({ userId: bob.id, secretSealed: ann?.secretSealed ?? "" });
    await expect(confirmEnrolment(db, bob.id, "123456", T0)).rejects.toThrow("failed its integrity check");
  });
});

describe("sign-in with a second factor", () => {
  it("asks for the code after the right password, without counting it as a failure", async () => {
    await enrol();
    expect(await signInWith(undefined, at(60))).toMatchObject({ ok: false, code: "second-factor-required" });
    // A wrong password still says only that, whatever the account has.
    const wrong = await signIn(db, { email, password: "wrong password!" }, client);
    expect(wrong).toEqual({ ok: false, code: "wrong-credentials" });
  });

  it("signs in with the current code and with the codes of one step either side, never with one used before", async () => {
    const { key } = await enrol();
    expect(await signInWith(codeAt(key, at(60)), at(60))).toMatchObject({ ok: true });
    // Replay of the same step is refused, and so is any earlier step.
    expect(await signInWith(codeAt(key, at(60)), at(61))).toMatchObject({
      ok: false,
      code: "second-factor-invalid",
    });
    expect(await signInWith(codeAt(key, at(30)), at(61))).toMatchObject({
      ok: false,
      code: "second-factor-invalid",
    });
    expect(await signInWith(codeAt(key, at(120)), at(90))).toMatchObject({ ok: true }); // one step ahead
    expect(await signInWith(codeAt(key, at(240)), at(180))).toMatchObject({ ok: false }); // two steps ahead
  });

  it("takes a recovery code once, however it is typed, and audits its use", async () => {
    const { codes } = await enrol();
    const code = codes[3] ?? "";
    expect(await signInWith(code.toLowerCase().replaceAll("-", " "), at(60))).toMatchObject({ ok: true });
    expect(await signInWith(code, at(90))).toMatchObject({ ok: false, code: "second-factor-invalid" });
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.recovery-code-used"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorLabel: email,
      result: "success",
      input: { recoveryCodesLeft: 9 },
    });
  });

  it(`locks the account after ${ACCOUNT_RULE.maxFailures} wrong codes, even against the right code`, async () => {
    const { key } = await enrol();
    const right = codeAt(key, at(60));
    const wrongCode = right === "000000" ? "000001" : "000000";
    const answers = [];
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) answers.push(await signInWith(wrongCode, at(60)));
    expect(
      answers.slice(0, -1).every((a) => !a.ok && "code" in a && a.code === "second-factor-invalid"),
    ).toBe(true);
    expect(answers.at(-1)).toEqual({ ok: false, code: "locked-out" });
    expect(await signInWith(right, at(60))).toEqual({ ok: false, code: "locked-out" });
    const reasons = (await db.select().from(auditEvents)).map((e) => e.vendorError);
    expect(reasons.filter((r) => r === "wrong second-factor code")).toHaveLength(ACCOUNT_RULE.maxFailures);
  });

  it("signs in with the password alone once the factor is removed", async () => {
    await enrol();
    expect(await removeSecondFactor(db, userId)).toBe(true);
    expect(await signInWith(undefined)).toMatchObject({ ok: true });
    expect(await db.select().from(userRecoveryCodes)).toHaveLength(0);
  });
});
