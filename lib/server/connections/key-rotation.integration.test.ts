import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { connections, userSecondFactors } from "@/lib/server/db/schema";
import { totpSecretContext } from "@/lib/server/users/second-factor";
import { createUser } from "@/lib/server/users/users";
import { createVault } from "@/lib/server/vault/vault";
import { freshDatabase } from "@/testing/test-db";
import { installFileConnections } from "./file-source";
import { generateMasterKey, resealAll, rotateEnvironmentKey, rotateKeyFile } from "./key-rotation";
import { createConnection, resolveConnection } from "./registry";

const dir = mkdtempSync(path.join(tmpdir(), "key-rotation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyFile = path.join(dir, "connections-master-key");
const nextFile = `${keyFile}.next`;

const KAYAKO = {
  kind: "kayako" as const,
  name: "Helpdesk",
  baseUrl: "https://help.example.com/api/index.php",
  apiKey: "the-api-key",
  secretKey: "the-secret-key",
};

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  rmSync(nextFile, { force: true });
});

async function storeUnder(key: string) {
  const vault = createVault(key);
  await createConnection(db, { ...KAYAKO, id: "helpdesk" }, "test", vault);
  await createConnection(db, { ...KAYAKO, id: "helpdesk-2", secretKey: "another" }, "test", vault);
}

describe("master key rotation", () => {
  it("re-seals every secret under a new key file; the old key no longer opens them", async () => {
    const oldKey = generateMasterKey();
    writeFileSync(keyFile, `${oldKey}\n`, { mode: 0o600 });
    await storeUnder(oldKey);
    const before = await db.select().from(connections);

    const outcome = await rotateKeyFile(db, { keyFile, nextFile });
    expect(outcome.secrets).toBe(4);
    const newKey = readFileSync(keyFile, "utf8").trim();
    expect(newKey).not.toBe(oldKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(nextFile)).toBe(false);

    const after = await db.select().from(connections);
    expect(after.map((row) => row.secrets.apiKey)).not.toEqual(before.map((row) => row.secrets.apiKey));
    const resolved = await resolveConnection(db, "helpdesk-2", createVault(newKey));
    expect(resolved.config).toMatchObject({ apiKey: "the-api-key", secretKey: "another" });
    await expect(resolveConnection(db, "helpdesk", createVault(oldKey))).rejects.toThrow(
      /sealed under master key/,
    );
  });

  it("finishes a rotation that stopped after writing the new key, then rotates again", async () => {
    const oldKey = generateMasterKey();
    const interrupted = generateMasterKey();
    writeFileSync(keyFile, `${oldKey}\n`);
    await storeUnder(oldKey);
    // The crash came after the database committed and before the rename: rows under the `.next` key.
    writeFileSync(nextFile, `${interrupted}\n`);
    await resealAll(db, createVault(oldKey), createVault(interrupted));

    await rotateKeyFile(db, { keyFile, nextFile, newKey: "the final key, at least thirty-two characters" });
    expect(readFileSync(keyFile, "utf8").trim()).toBe("the final key, at least thirty-two characters");
    const finalVault = createVault("the final key, at least thirty-two characters");
    for (const id of ["helpdesk", "helpdesk-2"]) {
      expect((await resolveConnection(db, id, finalVault)).config).toMatchObject({ apiKey: "the-api-key" });
    }
  });

  it("rotates a key given in the environment", async () => {
    const oldKey = "the old environment key, 32 characters long";
    const newKey = "the new environment key, 32 characters long";
    await storeUnder(oldKey);
    expect((await rotateEnvironmentKey(db, oldKey, newKey)).secrets).toBe(4);
    expect((await resolveConnection(db, "helpdesk", createVault(newKey))).config).toMatchObject({
      secretKey: "the-secret-key",
    });
  });

  it("changes nothing when a secret cannot be opened with the current key", async () => {
    await storeUnder("some other key that is not the current one!!");
    const before = await db.select().from(connections);
    await expect(
      rotateEnvironmentKey(db, "the current key, long enough for the check", generateMasterKey()),
    ).rejects.toThrow(/sealed under master key/);
    expect(await db.select().from(connections)).toEqual(before);
  });

  it("re-seals people's TOTP secrets too, so two-factor sign-in survives a rotation", async () => {
    const oldKey = "the old environment key, 32 characters long";
    const newKey = "the new environment key, 32 characters long";
    const user = await createUser(db, {
      email: "ann@example.com",
      name: "Ann",
      role: "viewer",
      password: "a long test passphrase",
    });
    const context = totpSecretContext(user.id);
    await db
      .insert(userSecondFactors)
      .values({ userId: user.id, secretSealed: createVault(oldKey).seal("the-totp-secret", context) });
    expect((await rotateEnvironmentKey(db, oldKey, newKey)).secrets).toBe(1);
    const [row] = await db.select().from(userSecondFactors);
    expect(createVault(newKey).open(row?.secretSealed ?? "", context)).toBe("the-totp-secret");
  });
});
