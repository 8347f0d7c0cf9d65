import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { Role } from "@/lib/permissions";
import { type AccountSetupStep, twoFactorRequiredFor } from "@/lib/second-factor";
import type { Database } from "@/lib/server/db/client";
import { consoleSettings, userSecondFactors, users } from "@/lib/server/db/schema";
import { InvalidatedCache } from "@/lib/server/shared-state/invalidated-cache";
import { AUTH_CACHE_TTL_MS, authBus, userTag } from "@/lib/server/users/auth-invalidation";
import { REQUIREMENT_KEY, requirementOf, setupStepOf } from "./account-setup";

/** What every request of a signed-in person needs to know about them: who, their access, what they owe. */
export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Sessions issued under another version were ended ("sign out everywhere", password change, disabling). */
  sessionVersion: number;
  setupStep: AccountSetupStep | null;
  /** Their second factor: confirmed, and required of their role by the admins' policy. */
  twoFactor: { enabled: boolean; required: boolean };
  /** The interface language they chose, or null to follow their browser. */
  language: Locale | null;
}

/** One query for the person and the step they owe: on a cache miss this is the request's only database trip. */
async function loadPrincipal(db: Database, userId: string): Promise<Principal | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      language: users.language,
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
  if (!row) return undefined;
  const enrolled = row.enrolledAt !== null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    sessionVersion: row.sessionVersion,
    setupStep: setupStepOf({ ...row, enrolled }),
    twoFactor: {
      enabled: enrolled,
      required: twoFactorRequiredFor(requirementOf(row.requirement), row.role),
    },
    language: isLocale(row.language) ? row.language : null,
  };
}

const principals = new InvalidatedCache<Principal>({
  bus: authBus(),
  ttlMs: AUTH_CACHE_TTL_MS,
  maxEntries: 5_000,
});

/** The person as of their last change: from memory when nothing changed since (see auth-invalidation.ts). */
export function principalOf(db: Database, userId: string): Promise<Principal | undefined> {
  return principals.read(userTag(userId), () => loadPrincipal(db, userId));
}
