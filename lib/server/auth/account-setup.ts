import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import {
  type AccountSetupStep,
  TWO_FACTOR_REQUIREMENTS,
  type TwoFactorRequirement,
  twoFactorRequiredFor,
} from "@/lib/second-factor";
import type { Database } from "@/lib/server/db/client";
import { consoleSettings, userSecondFactors, users } from "@/lib/server/db/schema";

/**
 * What a signed-in person must do before anything else: change a generated password, then enrol a second
 * factor when an admin requires one for their role. Pages send them to /account, the API refuses other
 * operations (see the route wrapper), so "required" cannot be sidestepped by calling the API directly.
 */

const REQUIREMENT_KEY = "two_factor_required";

const isRequirement = (value: unknown): value is TwoFactorRequirement =>
  (TWO_FACTOR_REQUIREMENTS as readonly unknown[]).includes(value);

export async function twoFactorRequirement(db: Database): Promise<TwoFactorRequirement> {
  const [row] = await db.select().from(consoleSettings).where(eq(consoleSettings.key, REQUIREMENT_KEY));
  return isRequirement(row?.value) ? row.value : "nobody";
}

export async function setTwoFactorRequirement(
  db: Database,
  requirement: TwoFactorRequirement,
  updatedBy: string,
): Promise<void> {
  const values = { value: requirement, updatedBy, updatedAt: new Date() };
  await db
    .insert(consoleSettings)
    .values({ key: REQUIREMENT_KEY, ...values })
    .onConflictDoUpdate({ target: consoleSettings.key, set: values });
}

/** One query: this runs on every API request and page load of a signed-in person. */
export async function pendingSetupStep(db: Database, userId: string): Promise<AccountSetupStep | null> {
  const [row] = await db
    .select({
      role: users.role,
      mustChangePassword: users.mustChangePassword,
      enrolledAt: userSecondFactors.confirmedAt,
      requirement: consoleSettings.value,
    })
    .from(users)
    .leftJoin(
      userSecondFactors,
      and(eq(userSecondFactors.userId, users.id), isNotNull(userSecondFactors.confirmedAt)),
    )
    .leftJoin(consoleSettings, eq(consoleSettings.key, REQUIREMENT_KEY))
    .where(eq(users.id, userId));
  if (!row) return null;
  if (row.mustChangePassword) return "change-password";
  const requirement = isRequirement(row.requirement) ? row.requirement : "nobody";
  if (!row.enrolledAt && twoFactorRequiredFor(requirement, row.role)) return "enrol-second-factor";
  return null;
}
