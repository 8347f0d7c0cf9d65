import "server-only";
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt with N=2^17, r=8, p=1: OWASP's minimum (Password Storage Cheat Sheet), 128 MiB of memory and about
 * 450 ms per hash on a 2-core machine: memory-hard, as SP 800-63B asks. Hashes run on libuv's thread pool
 * (4 threads by default), so parallel sign-ins hold at most about 512 MiB at once.
 */
const PRODUCTION_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * Under Vitest only (NODE_ENV=test): the tests create a few hundred accounts that need *a* hash, and at the
 * production cost they spent minutes in scrypt. `next build` inlines NODE_ENV as "production" into the server
 * code, so no build can take this branch; scripts run without NODE_ENV and get the production cost too.
 * password-hash.test.ts checks that everything but the test runner hashes at the production cost.
 */
const TEST_RUNNER_PARAMS = { N: 2 ** 10, r: 8, p: 1 } as const;

function currentParams() {
  return process.env.NODE_ENV === "test" ? TEST_RUNNER_PARAMS : PRODUCTION_PARAMS;
}
const KEY_LENGTH = 32;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told otherwise; twice the need leaves room for its own buffers.
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Encoded as `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const params = currentParams();
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

/**
 * True when a stored hash was made with other parameters than today's (an older, cheaper N), so the next
 * successful sign-in, which has the password in hand, stores it again at today's cost.
 */
export function needsRehash(encoded: string): boolean {
  const [scheme, n, r, p] = encoded.split("$");
  const params = currentParams();
  return scheme !== "scrypt" || Number(n) !== params.N || Number(r) !== params.r || Number(p) !== params.p;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = encoded.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody knows, verified when the account does not exist, so a sign-in for an unknown
 * email takes as long as one for a known email and response times do not reveal which accounts exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString("base64url"));
  return decoy;
}
