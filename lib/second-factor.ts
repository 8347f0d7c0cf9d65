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

export type AccountSetupStep = "change-password" | "enrol-second-factor";
