/**
 * Connection administration from the shell (docs/connections.md):
 *   npm run connections -- check-file [path]   validate a connections file (default: CONNECTIONS_FILE)
 *   npm run connections -- rotate-key          re-encrypt every stored vendor secret under a new master key
 * With the embedded database (no DATABASE_URL), stop the console first: PGlite allows one process per data
 * directory. With CONSOLE_SECRET_KEY set, give the new key in NEW_CONSOLE_SECRET_KEY (never on the command
 * line, where it would land in the shell history), then set CONSOLE_SECRET_KEY to it on every instance.
 */
import { existsSync } from "node:fs";
import { recordAudit } from "@/lib/server/audit/audit-log";
import { CONNECTIONS_KEY_FILE, persistedSecret, serverConfig } from "@/lib/server/config/config";
import { ConnectionsFileError, loadConnectionsFile } from "@/lib/server/connections/file-source";
import { rotateEnvironmentKey, rotateKeyFile } from "@/lib/server/connections/key-rotation";
import { closeDatabase, database } from "@/lib/server/db/client";
import { keyFilePath, nextKeyFilePath } from "@/lib/server/vault/vault";

const USAGE = "Usage: npm run connections -- <check-file [path]|rotate-key>";

function checkFile(file: string | undefined): string {
  const target = file ?? serverConfig().CONNECTIONS_FILE;
  if (!target) throw new Error(`Give a path, or set CONNECTIONS_FILE.\n${USAGE}`);
  const connections = loadConnectionsFile(target);
  const lines = connections.map(
    ({ id, config }) =>
      `  ${id.padEnd(24)} ${config.kind.padEnd(15)} ${config.baseUrl}  (TLS ${config.tls?.mode ?? "verify"})`,
  );
  return [`${target} is valid: ${connections.length} connection(s).`, ...lines].join("\n");
}

async function rotateKey(): Promise<string> {
  const config = serverConfig();
  const db = await database();
  let outcome: Awaited<ReturnType<typeof rotateKeyFile>>;
  let next: string;
  if (config.CONSOLE_SECRET_KEY) {
    const newKey = process.env.NEW_CONSOLE_SECRET_KEY;
    if (!newKey || newKey.length < 32) {
      throw new Error(
        "CONSOLE_SECRET_KEY is set, so the new key must come from you: set NEW_CONSOLE_SECRET_KEY (at least 32 characters, e.g. `openssl rand -base64 32`) and run this again.",
      );
    }
    outcome = await rotateEnvironmentKey(db, config.CONSOLE_SECRET_KEY, newKey);
    next =
      "Now set CONSOLE_SECRET_KEY to the value of NEW_CONSOLE_SECRET_KEY on every instance and restart them.";
  } else {
    // Creates the key file if the console never ran (then there is nothing to re-seal, which is fine).
    if (!existsSync(keyFilePath())) persistedSecret(CONNECTIONS_KEY_FILE, undefined);
    outcome = await rotateKeyFile(db, { keyFile: keyFilePath(), nextFile: nextKeyFilePath() });
    next = `The new key is in ${keyFilePath()} (owner-only). Back it up with the database: backups taken before now need the old key, which is gone.`;
  }
  await recordAudit(db, {
    actorId: null,
    actorLabel: "cli",
    actorRole: "admin",
    action: "connections.rotate-key",
    targetResource: "connection",
    input: { secrets: outcome.secrets, oldKeyId: outcome.oldKeyId, newKeyId: outcome.newKeyId },
    result: "success",
  });
  return `Re-encrypted ${outcome.secrets} secret(s): master key ${outcome.oldKeyId} → ${outcome.newKeyId}.\n${next}`;
}

async function main(): Promise<string> {
  const [command, argument] = process.argv.slice(2);
  switch (command) {
    case "check-file":
      return checkFile(argument);
    case "rotate-key":
      return rotateKey();
    default:
      throw new Error(USAGE);
  }
}

main()
  .then((message) => {
    console.log(message);
    return closeDatabase();
  })
  .catch(async (error: Error) => {
    console.error(error instanceof ConnectionsFileError ? error.message : `Failed: ${error.message}`);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 1;
  });
