import "server-only";
import { authSecret, CONNECTIONS_KEY_FILE, persistedSecret, serverConfig } from "@/lib/server/config/config";
import { logger } from "@/lib/server/logging/logger";
import { MemoryState } from "./memory-state";
import { RedisState, redisTarget } from "./redis-state";
import { agreeOnSecrets, fingerprint } from "./secret-agreement";
import type { SharedState } from "./store";

// On globalThis so every module copy Next loads shares one store and one Redis connection per process.
const holder = globalThis as typeof globalThis & {
  __consoleSharedState?: SharedState;
  __stopSecretAgreement?: () => void;
};

/** The process's shared state: Redis when REDIS_URL is set, this process's memory otherwise. */
export function sharedState(): SharedState {
  if (!holder.__consoleSharedState) {
    const { REDIS_URL } = serverConfig();
    holder.__consoleSharedState = REDIS_URL ? new RedisState(REDIS_URL) : new MemoryState();
  }
  return holder.__consoleSharedState;
}

/**
 * At start-up, with REDIS_URL: connects now, so a wrong URL or an unreachable Redis stops the start with its
 * cause instead of failing the first vendor call, and checks that this instance's secrets agree with those
 * of the instances already running (lib/server/shared-state/secret-agreement.ts).
 */
export async function startSharedState(): Promise<void> {
  const { REDIS_URL, DATABASE_URL, CONSOLE_SECRET_KEY } = serverConfig();
  if (!REDIS_URL) {
    if (DATABASE_URL) {
      logger.info(
        "DATABASE_URL is set but REDIS_URL is not: vendor sessions and locks stay in this process, which is right for one instance; set REDIS_URL before starting a second (docs/deployment.md).",
      );
    }
    return;
  }
  const state = sharedState();
  await state.ping();
  holder.__stopSecretAgreement?.();
  holder.__stopSecretAgreement = await agreeOnSecrets(state, {
    NEXTAUTH_SECRET: fingerprint(authSecret()),
    CONSOLE_SECRET_KEY: fingerprint(persistedSecret(CONNECTIONS_KEY_FILE, CONSOLE_SECRET_KEY)),
  });
  logger.info(
    `Sharing vendor sessions and locks with other instances through Redis at ${redisTarget(REDIS_URL)}.`,
  );
}

/** For tests: use this store instead of the configured one (closing the previous one is the caller's job). */
export function installSharedState(state: SharedState | undefined): void {
  holder.__consoleSharedState = state;
}

/** On shutdown: closes the Redis connection so the process can exit. */
export async function closeSharedState(): Promise<void> {
  holder.__stopSecretAgreement?.();
  holder.__stopSecretAgreement = undefined;
  const state = holder.__consoleSharedState;
  holder.__consoleSharedState = undefined;
  await state?.close();
}
