import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { requirePasswordChange } from "@/lib/server/auth/own-password";
import { serverConfig } from "@/lib/server/config/config";
import { fileConnections } from "@/lib/server/connections/file-source";
import { startHealthRunner } from "@/lib/server/connections/health";
import { startKiwireIndexRunner } from "@/lib/server/connections/kiwire-index-runner";
import { shadowedIds } from "@/lib/server/connections/registry";
import { closeDatabase, type Database, database } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logging/logger";
import { closeSharedState, startSharedState } from "@/lib/server/shared-state/shared-state";
import { startEmbeddedMaintenance } from "@/lib/server/startup/embedded-maintenance";
import { boundHeapGrowth } from "@/lib/server/startup/heap";
import { countUsers, ensureUser } from "@/lib/server/users/users";
import { consoleVault } from "@/lib/server/vault/vault";

function announce(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "-".repeat(width + 4);
  console.log([rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule].join("\n"));
}

/** Any fixed number: instances starting together against one PostgreSQL seed one after the other. */
const SEED_LOCK_ID = 7_412_904;

/**
 * Creates the first accounts of a fresh database: from ADMIN_EMAIL/ADMIN_PASSWORD, the demo set, or a printed
 * admin. Runs under a transaction-scoped advisory lock, so two instances starting at once cannot both decide
 * the database is empty.
 */
export async function seedFirstAccounts(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    await seedUnderLock(tx);
  });
}

async function seedUnderLock(db: Database): Promise<void> {
  const config = serverConfig();
  if (config.DEMO_ACCOUNTS) {
    for (const account of DEMO_ACCOUNTS) await ensureUser(db, account);
    announce([
      "Demo accounts (DEMO_ACCOUNTS=1):",
      ...DEMO_ACCOUNTS.map((a) => `${a.role.padEnd(8)} ${a.email.padEnd(22)} password: ${a.password}`),
    ]);
  }
  if (config.ADMIN_EMAIL) {
    if (!config.ADMIN_PASSWORD)
      throw new Error("ADMIN_EMAIL is set but ADMIN_PASSWORD is not: set both, or neither.");
    const { created } = await ensureUser(db, {
      email: config.ADMIN_EMAIL,
      name: "Administrator",
      role: "admin",
      password: config.ADMIN_PASSWORD,
    }).catch((error: Error) => {
      throw new Error(`ADMIN_PASSWORD was refused: ${error.message}`);
    });
    if (created) logger.info(`Created the first admin ${config.ADMIN_EMAIL} from ADMIN_EMAIL.`);
    return;
  }
  if ((await countUsers(db)) > 0) return;
  const password = randomBytes(12).toString("base64url");
  const { user } = await ensureUser(db, {
    email: "admin@console.local",
    name: "Administrator",
    role: "admin",
    password,
  });
  // It was printed to the server log: whoever signs in with it must choose their own first.
  await requirePasswordChange(db, user.id);
  announce([
    "No ADMIN_EMAIL was configured, so a first admin was created:",
    `email: admin@console.local   password: ${password}`,
    "Sign in with it: the console then asks you to choose your own. This is printed only once.",
  ]);
}

/**
 * Loads the connections file (the console refuses to start on an invalid one: a half-configured fleet is
 * worse than a clear error), makes sure the master key exists, and says what it found.
 */
export async function prepareConnections(db: Database): Promise<void> {
  const fromFile = fileConnections();
  const { CONNECTIONS_FILE } = serverConfig();
  if (CONNECTIONS_FILE) logger.info(`Loaded ${fromFile.length} connection(s) from ${CONNECTIONS_FILE}.`);
  // Generates the key file on first start rather than on the first secret saved.
  consoleVault();
  for (const id of await shadowedIds(db)) {
    logger.warn(
      `The connection "${id}" exists both in the connections file and in the database; the file's is used.`,
    );
  }
}

/** Runs once when the server starts: validate configuration, migrate, seed, and close cleanly on shutdown. */
export async function bootstrap(): Promise<void> {
  boundHeapGrowth();
  serverConfig();
  // Before the database: a broken connections file should fail the start in a second, not after migrations.
  fileConnections();
  // Also before: a wrong REDIS_URL or secrets that differ from the other instances' stop the start at once.
  await startSharedState();
  const db = await database();
  await prepareConnections(db);
  await seedFirstAccounts(db);
  startHealthRunner();
  startKiwireIndexRunner();
  startEmbeddedMaintenance();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void Promise.all([closeDatabase(), closeSharedState()]).finally(() => process.exit(0));
    });
  }
}

/** The server's start-up hook. A console half-started on a wrong setting is worse than none: refuse to serve. */
export async function startConsole(): Promise<void> {
  try {
    await bootstrap();
  } catch (error) {
    logger.fatal({ err: error }, `The console cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
