import "server-only";
import { createHmac } from "node:crypto";
import type { SharedState } from "./store";

/**
 * Instances that share a database and Redis must share their secrets too: a session signed with one
 * NEXTAUTH_SECRET is "signed out" on an instance holding another, and a vendor secret sealed under one
 * CONSOLE_SECRET_KEY cannot be opened under another. Both fail far from their cause, so every instance
 * publishes a keyed fingerprint of each secret and a starting instance that disagrees refuses to start.
 * The record lives while any instance refreshes it, so a deliberate change of secrets (stop all, change,
 * start all) is accepted once the last instance with the old ones has been gone for one TTL.
 */

export type SecretName = "NEXTAUTH_SECRET" | "CONSOLE_SECRET_KEY";
export type SecretFingerprints = Record<SecretName, string>;

const RECORD_KEY = "secret-fingerprints";
export const AGREEMENT_TTL_MS = 30_000;

/**
 * An HMAC keyed by the secret itself over a fixed label: equal secrets give equal fingerprints, and the
 * fingerprint helps nobody guess the secret (that needs the secret).
 */
export function fingerprint(secret: string): string {
  return createHmac("sha256", secret)
    .update("operator-console/secret-fingerprint/v1")
    .digest("hex")
    .slice(0, 16);
}

export class SecretMismatchError extends Error {
  constructor(readonly names: SecretName[]) {
    super(
      `${names.join(" and ")} ${names.length > 1 ? "differ" : "differs"} from the value the other running console instances use. ` +
        "Give every instance the same value, set explicitly (an instance without it generates its own in DATA_DIR; docs/deployment.md). " +
        "If you changed it on purpose, stop every instance " +
        `that still runs with the old value; this check accepts the new one ${AGREEMENT_TTL_MS / 1000} s after the last of them stopped.`,
    );
    this.name = "SecretMismatchError";
  }
}

function parse(raw: string): Partial<SecretFingerprints> {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" ? (value as Partial<SecretFingerprints>) : {};
  } catch {
    return {};
  }
}

/**
 * Compares this instance's fingerprints with the running instances' (throws SecretMismatchError), then keeps
 * publishing them while the process lives. Answers a function that stops publishing.
 */
export async function agreeOnSecrets(state: SharedState, mine: SecretFingerprints): Promise<() => void> {
  const stored = await state.get(RECORD_KEY);
  if (stored !== null) {
    const theirs = parse(stored);
    const differing = (Object.keys(mine) as SecretName[]).filter((name) => theirs[name] !== mine[name]);
    if (differing.length > 0) throw new SecretMismatchError(differing);
  }
  const publish = () => state.set(RECORD_KEY, JSON.stringify(mine), AGREEMENT_TTL_MS);
  await publish();
  const timer = setInterval(() => void publish().catch(() => undefined), AGREEMENT_TTL_MS / 3);
  timer.unref();
  return () => clearInterval(timer);
}
