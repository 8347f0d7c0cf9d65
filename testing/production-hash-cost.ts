import { vi } from "vitest";

/**
 * Runs `work` with the password hash at its production cost (scrypt N=2^17) instead of the test runner's cheap
 * one (lib/server/users/password-hash.ts), for the tests whose subject is that cost or its duration. NODE_ENV
 * is the switch, read at each hash; the console reads it elsewhere only to refuse demo accounts in production.
 */
export async function atProductionHashCost<T>(work: () => Promise<T>): Promise<T> {
  vi.stubEnv("NODE_ENV", "production");
  try {
    return await work();
  } finally {
    vi.unstubAllEnvs();
  }
}
