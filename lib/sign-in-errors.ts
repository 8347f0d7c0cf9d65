/**
 * Why a sign-in did not happen, as a code. The server sends only the code (next-auth puts it in `?error=`,
 * where anyone can write anything), and the login page shows the fixed message for it: a link cannot make the
 * page say what its author wants, and no server error text (SQL, stack) can reach the page.
 */
export const SIGN_IN_ERRORS = {
  "wrong-credentials": "Wrong email or password.",
  "locked-out":
    "Too many failed sign-ins. Wait 15 minutes and try again, or ask an admin to check the account.",
  "account-disabled": "This account is disabled. Ask an admin to re-enable it.",
  "input-too-long": "The email (at most 254 characters) or the password (at most 256) is too long.",
  "session-ended": "Your session has ended. Sign in again to continue.",
  "second-factor-required":
    "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  "second-factor-invalid":
    "That code is wrong, expired or already used. Enter the current code, or a recovery code.",
  "sign-in-failed": "Signing in did not work because of a problem on the console. Try again in a moment.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** The answers after a right password that ask the form for the second factor. */
export function asksForSecondFactor(code: string | null | undefined): boolean {
  return code === "second-factor-required" || code === "second-factor-invalid";
}

function isSignInErrorCode(code: string): code is SignInErrorCode {
  return Object.hasOwn(SIGN_IN_ERRORS, code);
}

/**
 * The message for an error code from the URL or from next-auth. next-auth's own codes (`CredentialsSignin`
 * when no code came through, `Configuration`, `Callback`, ...) and anything unknown get a generic message.
 */
export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code || code === "undefined") return undefined;
  if (code === "CredentialsSignin") return SIGN_IN_ERRORS["wrong-credentials"];
  return isSignInErrorCode(code) ? SIGN_IN_ERRORS[code] : SIGN_IN_ERRORS["sign-in-failed"];
}
