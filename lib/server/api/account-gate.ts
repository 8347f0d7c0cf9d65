import "server-only";
import type { Operation } from "@/lib/api/operation";
import { text } from "@/lib/i18n/api-messages/text";
import type { Actor } from "@/lib/server/auth/actor";
import { principalOf } from "@/lib/server/auth/principal";
import type { Database } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/errors/api-error";

/**
 * The check after the permission that depends on who is calling, not on their role: a person who still owes
 * a required account step (a new password, enrolment in two-factor sign-in) may call only the operations
 * that complete it. Tokens owe no step (operations for people only refuse them earlier, `allowTokens: false`).
 * Null when the call may go on.
 */
export async function accountGateRefusal(
  operation: Pick<Operation, "duringAccountSetup">,
  actor: Actor,
  db: Database,
): Promise<ApiError | null> {
  if (actor.kind === "token" || operation.duringAccountSetup) return null;
  // Read with the actor a moment ago: from memory.
  const step = (await principalOf(db, actor.id))?.setupStep;
  if (step === "change-password") {
    return new ApiError(
      403,
      "account_setup_required",
      text`Change your password on your account page (/account) first.`,
    );
  }
  if (step === "enrol-second-factor") {
    return new ApiError(
      403,
      "account_setup_required",
      text`An admin requires two-factor sign-in: set it up on your account page (/account) first.`,
    );
  }
  return null;
}
