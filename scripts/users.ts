/**
 * Account administration from the shell, for the first set-up and for locked-out admins:
 *   npm run users -- list
 *   npm run users -- add --email a@b.c --name "A B" --role operator [--password "..."]
 *   npm run users -- reset-password --email a@b.c [--password "..."]
 *   npm run users -- set-role --email a@b.c --role admin
 * Without --password a strong one is generated and printed once. With the embedded database (no
 * DATABASE_URL), stop the console first: PGlite allows one process per data directory.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { isRole } from "@/lib/permissions";
import { recordAudit } from "@/lib/server/audit/audit-log";
import { closeDatabase, database } from "@/lib/server/db/client";
import { createUser, findUserByEmail, listUsers, updateUser } from "@/lib/server/users/users";

const USAGE = `Usage: npm run users -- <list|add|reset-password|set-role> [--email E] [--name N] [--role admin|operator|viewer] [--password P]`;

async function main(): Promise<string> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
    },
  });
  const [command] = positionals;
  const db = await database();
  const audit = (action: string, target: string) =>
    recordAudit(db, {
      actorId: null,
      actorLabel: "cli",
      actorRole: "admin",
      action,
      targetResource: "user",
      targetId: target,
      result: "success",
    });
  const requireEmail = () => {
    if (!values.email) throw new Error(`--email is required.\n${USAGE}`);
    return values.email;
  };
  const requireRole = () => {
    if (!isRole(values.role)) throw new Error(`--role must be admin, operator or viewer.\n${USAGE}`);
    return values.role;
  };
  const requireUser = async () => {
    const user = await findUserByEmail(db, requireEmail());
    if (!user) throw new Error(`No user with the email ${values.email}.`);
    return user;
  };
  const password = values.password ?? randomBytes(15).toString("base64url");
  const shownPassword = values.password ? "" : `\nGenerated password (shown once): ${password}`;

  switch (command) {
    case "list":
      return (await listUsers(db))
        .map(
          (u) => `${u.email.padEnd(32)} ${u.role.padEnd(9)} ${u.disabled ? "disabled" : "active"}  ${u.name}`,
        )
        .join("\n");
    case "add": {
      const user = await createUser(db, {
        email: requireEmail(),
        name: values.name ?? requireEmail(),
        role: requireRole(),
        password,
      });
      await audit("users.create", user.email);
      return `Created ${user.email} (${user.role}).${shownPassword}`;
    }
    case "reset-password": {
      const user = await updateUser(db, (await requireUser()).id, { password });
      await audit("users.update", user.email);
      return `Password of ${user.email} reset; their sessions end at their next request.${shownPassword}`;
    }
    case "set-role": {
      const user = await updateUser(db, (await requireUser()).id, { role: requireRole() });
      await audit("users.update", user.email);
      return `${user.email} is now ${user.role}.`;
    }
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
    console.error(error.message);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 1;
  });
