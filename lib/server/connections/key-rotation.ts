import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/server/db/client";
import { connections, userSecondFactors } from "@/lib/server/db/schema";
import { totpSecretContext } from "@/lib/server/users/second-factor";
import { createVault, type Vault } from "@/lib/server/vault/vault";

/**
 * Master key rotation: every stored secret is opened with the current key and sealed again with the new
 * one, in one transaction. With the generated key file the order of steps makes a crash at any point
 * recoverable: the new key is written beside the old one (`.next`) before the database changes, and
 * renamed over it only after the transaction committed; the vault opens with either meanwhile.
 */

/** Re-seals every secret of every console connection and every TOTP secret; answers how many were re-sealed. */
export async function resealAll(db: Database, from: Vault, to: Vault): Promise<number> {
  return db.transaction(async (tx) => {
    // Lock the rows: an admin saving a connection meanwhile must not slip a value under the old key.
    await tx.execute(sql`SELECT id FROM ${connections} FOR UPDATE`);
    const rows = await tx.select().from(connections);
    let count = 0;
    for (const row of rows) {
      const secrets: Record<string, string> = {};
      for (const [field, sealed] of Object.entries(row.secrets)) {
        const context = { connectionId: row.id, field };
        secrets[field] = to.seal(from.open(sealed, context), context);
        count += 1;
      }
      await tx.update(connections).set({ secrets }).where(sql`${connections.id} = ${row.id}`);
    }
    // People's TOTP secrets are sealed by the same vault: left behind, every two-factor sign-in would break.
    for (const factor of await tx.select().from(userSecondFactors).for("update")) {
      const context = totpSecretContext(factor.userId);
      const secretSealed = to.seal(from.open(factor.secretSealed, context), context);
      await tx
        .update(userSecondFactors)
        .set({ secretSealed })
        .where(sql`${userSecondFactors.userId} = ${factor.userId}`);
      count += 1;
    }
    return count;
  });
}

export const generateMasterKey = () => randomBytes(32).toString("base64url");

function writeSecretFile(file: string, value: string): void {
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface KeyFileRotation {
  keyFile: string;
  nextFile: string;
  /** The new master secret; generated when not given. */
  newKey?: string;
}

export interface RotationOutcome {
  secrets: number;
  oldKeyId: string;
  newKeyId: string;
}

/** Rotates the generated key file in the data directory. */
export async function rotateKeyFile(db: Database, rotation: KeyFileRotation): Promise<RotationOutcome> {
  const current = readFileSync(rotation.keyFile, "utf8").trim();
  const leftover = existsSync(rotation.nextFile) ? readFileSync(rotation.nextFile, "utf8").trim() : null;
  const from = createVault(current, leftover ? [leftover] : []);
  if (leftover) {
    // An earlier rotation stopped half-way: finish it first, so at most one pending key ever exists.
    await resealAll(db, from, createVault(leftover));
    renameSync(rotation.nextFile, rotation.keyFile);
    return rotateKeyFile(db, rotation);
  }
  const newKey = rotation.newKey ?? generateMasterKey();
  const to = createVault(newKey);
  writeSecretFile(rotation.nextFile, newKey);
  const secrets = await resealAll(db, from, to);
  renameSync(rotation.nextFile, rotation.keyFile);
  return { secrets, oldKeyId: from.keyId, newKeyId: to.keyId };
}

/** Rotates a key given in CONSOLE_SECRET_KEY: the caller sets the new value everywhere afterwards. */
export async function rotateEnvironmentKey(
  db: Database,
  currentKey: string,
  newKey: string,
): Promise<RotationOutcome> {
  const from = createVault(currentKey);
  const to = createVault(newKey);
  const secrets = await resealAll(db, from, to);
  return { secrets, oldKeyId: from.keyId, newKeyId: to.keyId };
}
