import type { Role } from "./permissions";

/**
 * Two-factor sign-in, the parts both the server and the browser need: who must use it, and the fixed error
 * codes the sign-in answers with (the login form shows its own words for them, never text from the server).
 */
export const TWO_FACTOR_REQUIREMENTS = ["nobody", "admins", "everyone"] as const;
export type TwoFactorRequirement = (typeof TWO_FACTOR_REQUIREMENTS)[number];

export function twoFactorRequiredFor(requirement: TwoFactorRequirement, role: Role): boolean {
  return requirement === "everyone" || (requirement === "admins" && role === "admin");
}

/** Right password, and the account has a second factor: ask for the code. */
export const SECOND_FACTOR_REQUIRED = "second_factor_required";
/** A code was sent and is wrong, expired or already used. Counted as a failed attempt. */
export const SECOND_FACTOR_INVALID = "second_factor_invalid";
export type SecondFactorErrorCode = typeof SECOND_FACTOR_REQUIRED | typeof SECOND_FACTOR_INVALID;

export const SECOND_FACTOR_MESSAGES: Record<SecondFactorErrorCode, string> = {
  [SECOND_FACTOR_REQUIRED]:
    "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  [SECOND_FACTOR_INVALID]:
    "That code is wrong, expired or already used. Enter the current code, or a recovery code.",
};

export function isSecondFactorErrorCode(value: unknown): value is SecondFactorErrorCode {
  return value === SECOND_FACTOR_REQUIRED || value === SECOND_FACTOR_INVALID;
}

/** What a signed-in person still owes before the console lets them do anything else. */
export type AccountSetupStep = "change-password" | "enrol-second-factor";
