import "server-only";
import type { Operation } from "@/lib/api/operation";
import { pendingSetupStep } from "@/lib/server/auth/account-setup";
import type { Actor } from "@/lib/server/auth/actor";
import type { Database } from "@/lib/server/db/client";
import { ApiError } from "./errors";

/**
 * The checks after the permission that depend on who is calling, not on their role: operations for people
 * only refuse API tokens, and a person who still owes a required account step (a new password, enrolment in
 * two-factor sign-in) may call only the operations that complete it. Null when the call may go on.
 */
export async function accountGateRefusal(
  operation: Pick<Operation, "callers" | "duringAccountSetup">,
  actor: Actor,
  db: Database,
): Promise<ApiError | null> {
  if (actor.kind === "token") {
    return operation.callers === "people"
      ? new ApiError(
          403,
          "people_only",
          "API tokens cannot manage passwords or two-factor sign-in. Sign in to the console as the person.",
        )
      : null;
  }
  if (operation.duringAccountSetup) return null;
  const step = await pendingSetupStep(db, actor.id);
  if (step === "change-password") {
    return new ApiError(
      403,
      "account_setup_required",
      "Change your password on your account page (/account) first.",
    );
  }
  if (step === "enrol-second-factor") {
    return new ApiError(
      403,
      "account_setup_required",
      "An admin requires two-factor sign-in: set it up on your account page (/account) first.",
    );
  }
  return null;
}
