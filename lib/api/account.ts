import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { LOCALES } from "@/lib/i18n/locales";
import { TWO_FACTOR_REQUIREMENTS } from "@/lib/second-factor";
import { defineOperation } from "./operation";
import { RoleSchema, UserIdParams, UserSchema } from "./users";

/**
 * A person's own account: their password and their second factor. Only the signed-in person, never an API
 * token (`allowTokens: false`: a leaked token must not remove someone's second factor), and open while a
 * required step (new password, enrolment) is still owed.
 */

export const AccountSchema = z.object({
  email: z.email(),
  name: z.string(),
  role: RoleSchema,
  pendingStep: z
    .enum(["change-password", "enrol-second-factor"])
    .nullable()
    .describe("What the person must do before anything else, if anything"),
  twoFactor: z.object({
    enabled: z.boolean(),
    required: z.boolean().describe("An admin requires two-factor sign-in for this person's role"),
    recoveryCodesLeft: z.number().int(),
  }),
  language: z
    .enum(LOCALES)
    .nullable()
    .describe("The interface language the person chose; null follows their browser's Accept-Language"),
});
export type AccountDto = z.infer<typeof AccountSchema>;

const currentPassword = z.string().min(1, msg`Enter your current password`).max(256);
const code = z
  .string()
  .trim()
  .min(1, msg`Enter a code`)
  .max(64)
  .describe("A 6-digit code from the authenticator app, or a recovery code");

export const ChangeOwnPasswordSchema = z.strictObject({
  currentPassword,
  newPassword: z
    .string()
    .min(1, msg`Enter a new password`)
    .max(256)
    .describe("At least 12 characters, not a common password"),
});
export type ChangeOwnPasswordInput = z.infer<typeof ChangeOwnPasswordSchema>;

export const ConfirmEnrolmentSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, msg`Enter the 6-digit code the authenticator app shows`)
    .describe("The current code of the newly added authenticator"),
});

/** Removing the factor or replacing the recovery codes needs the password or a code again. */
export const IdentityProofSchema = z
  .strictObject({ password: currentPassword.optional(), code: code.optional() })
  .refine(
    (value) => (value.password === undefined) !== (value.code === undefined),
    msg`Send either your password or a code`,
  );
export type IdentityProofInput = z.infer<typeof IdentityProofSchema>;

export const EnrolmentSchema = z.object({
  secret: z
    .string()
    .describe("Base32 TOTP secret, for typing into the app by hand; shown during enrolment only"),
  uri: z.string().describe("The otpauth:// URI the QR code carries"),
});

export const RecoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).describe("Ten one-time codes, shown only now"),
});

export const TwoFactorPolicySchema = z.strictObject({
  required: z
    .enum(TWO_FACTOR_REQUIREMENTS)
    .describe("Who must use two-factor sign-in: nobody, admins, or everyone"),
});

export const LanguageChoiceSchema = z.strictObject({
  language: z.enum(LOCALES).nullable().describe("en or it; null to follow the browser's language"),
});
export type LanguageChoiceInput = z.infer<typeof LanguageChoiceSchema>;

export const getAccount = defineOperation({
  operationId: "getAccount",
  summary: "Your own account: pending steps and two-factor state",
  tag: "Account",
  permission: "account.self",
  response: AccountSchema,
  allowTokens: false,
  duringAccountSetup: true,
});

export const changeOwnPassword = defineOperation({
  operationId: "changeOwnPassword",
  summary: "Change your password (your other sessions end)",
  tag: "Account",
  permission: "account.self",
  body: ChangeOwnPasswordSchema,
  response: AccountSchema,
  audit: { action: "account.password.change", resource: "account" },
  allowTokens: false,
  duringAccountSetup: true,
});

export const startTwoFactorEnrolment = defineOperation({
  operationId: "startTwoFactorEnrolment",
  summary: "Start adding an authenticator app: a new secret to scan or type",
  tag: "Account",
  permission: "account.self",
  response: EnrolmentSchema,
  audit: { action: "account.two-factor.enrolment-start", resource: "account" },
  allowTokens: false,
  duringAccountSetup: true,
});

export const confirmTwoFactorEnrolment = defineOperation({
  operationId: "confirmTwoFactorEnrolment",
  summary: "Turn two-factor sign-in on with the app's first code; answers the recovery codes",
  tag: "Account",
  permission: "account.self",
  body: ConfirmEnrolmentSchema,
  response: RecoveryCodesSchema,
  audit: { action: "account.two-factor.enable", resource: "account" },
  allowTokens: false,
  duringAccountSetup: true,
});

export const removeTwoFactor = defineOperation({
  operationId: "removeTwoFactor",
  summary: "Turn your two-factor sign-in off (needs your password or a code)",
  tag: "Account",
  permission: "account.self",
  body: IdentityProofSchema,
  response: AccountSchema,
  audit: { action: "account.two-factor.remove", resource: "account" },
  allowTokens: false,
});

export const regenerateRecoveryCodes = defineOperation({
  operationId: "regenerateRecoveryCodes",
  summary: "Replace your recovery codes (needs your password or a code); the old ones stop working",
  tag: "Account",
  permission: "account.self",
  body: IdentityProofSchema,
  response: RecoveryCodesSchema,
  audit: { action: "account.two-factor.recovery-codes", resource: "account" },
  allowTokens: false,
});

export const resetUserTwoFactor = defineOperation({
  operationId: "resetUserTwoFactor",
  summary: "Turn off a person's two-factor sign-in (they lost their authenticator and recovery codes)",
  tag: "Users",
  permission: "users.manage",
  params: UserIdParams,
  response: UserSchema,
  audit: { action: "users.two-factor.reset", resource: "user" },
  allowTokens: false,
});

export const getTwoFactorPolicy = defineOperation({
  operationId: "getTwoFactorPolicy",
  summary: "Who must use two-factor sign-in",
  tag: "Users",
  permission: "users.manage",
  response: TwoFactorPolicySchema,
});

export const setTwoFactorPolicy = defineOperation({
  operationId: "setTwoFactorPolicy",
  summary: "Require two-factor sign-in for nobody, admins, or everyone",
  tag: "Users",
  permission: "users.manage",
  body: TwoFactorPolicySchema,
  response: TwoFactorPolicySchema,
  audit: { action: "settings.two-factor", resource: "setting" },
  allowTokens: false,
});

export const setLanguage = defineOperation({
  operationId: "setLanguage",
  summary: "Choose the language of the interface and of the API's error messages to you",
  tag: "Account",
  permission: "account.self",
  body: LanguageChoiceSchema,
  response: AccountSchema,
  audit: { action: "account.language.set", resource: "account" },
  allowTokens: false,
  duringAccountSetup: true,
});
