import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Recovery codes: ten per person, each usable once, for when the authenticator is lost. Each is 80 random bits
 * written as four groups of four base32 characters (`ABCD-EFGH-JKLM-NPQR`). With 80 bits a plain SHA-256 at
 * rest is enough (like the API tokens): nobody can search 2^80 values, so no slow hash is needed and a code
 * is found by its hash alone.
 */
export const RECOVERY_CODE_COUNT = 10;

// Crockford's alphabet: no I, L, O, U, so a code read off paper cannot be mistyped as another letter.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 4;
const GROUP_LENGTH = 4;

export function newRecoveryCode(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  const characters = [...bytes].map((byte) => ALPHABET[byte & 31]);
  const groups = Array.from({ length: GROUPS }, (_, i) =>
    characters.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(""),
  );
  return groups.join("-");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/**
 * The canonical form of what a person typed, or null when it cannot be a recovery code: case, spaces and
 * dashes do not matter, and the letters Crockford reads as digits (I, L → 1; O → 0) are taken as those.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  const pattern = new RegExp(`^[${ALPHABET}]{${GROUPS * GROUP_LENGTH}}$`);
  return pattern.test(compact) ? compact : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(`recovery-code:${normalized}`).digest("base64url");
}
