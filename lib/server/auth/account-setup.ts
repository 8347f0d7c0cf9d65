import "server-only";
import { eq } from "drizzle-orm";
import type { Role } from "@/lib/permissions";
import {
  type AccountSetupStep,
  TWO_FACTOR_REQUIREMENTS,
  type TwoFactorRequirement,
  twoFactorRequiredFor,
} from "@/lib/second-factor";
import type { Database } from "@/lib/server/db/client";
import { consoleSettings } from "@/lib/server/db/schema";
import { forgetEveryone } from "@/lib/server/users/auth-invalidation";

/**
 * What a signed-in person must do before anything else: change a generated password, then enrol a second
 * factor when an admin requires one for their role. Pages send them to /account, the API refuses other
 * operations (see the route wrapper), so "required" cannot be sidestepped by calling the API directly.
 */

export const REQUIREMENT_KEY = "two_factor_required";

const isRequirement = (value: unknown): value is TwoFactorRequirement =>
  (TWO_FACTOR_REQUIREMENTS as readonly unknown[]).includes(value);

/** The stored setting as a requirement: absent or unknown (a newer console's value) requires nobody. */
export const requirementOf = (value: unknown): TwoFactorRequirement =>
  isRequirement(value) ? value : "nobody";

export async function twoFactorRequirement(db: Database): Promise<TwoFactorRequirement> {
  const [row] = await db.select().from(consoleSettings).where(eq(consoleSettings.key, REQUIREMENT_KEY));
  return requirementOf(row?.value);
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
  await forgetEveryone();
}

/** The owed step, from the columns it depends on (read with the user's row by lib/server/auth/principal.ts). */
export function setupStepOf(row: {
  role: Role;
  mustChangePassword: boolean;
  enrolled: boolean;
  requirement: unknown;
}): AccountSetupStep | null {
  if (row.mustChangePassword) return "change-password";
  if (!row.enrolled && twoFactorRequiredFor(requirementOf(row.requirement), row.role))
    return "enrol-second-factor";
  return null;
}
