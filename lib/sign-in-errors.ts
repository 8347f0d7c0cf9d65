/**
 * Why a sign-in did not happen, as a code. The server sends only the code (next-auth puts it in `?error=`,
 * where anyone can write anything), and the login page shows the fixed message for it from the `auth`
 * catalog (`errors.<code>`): a link cannot make the page say what its author wants, and no server error text
 * (SQL, stack) can reach the page.
 */
export const SIGN_IN_ERROR_CODES = [
  "wrong-credentials",
  "locked-out",
  "account-disabled",
  "input-too-long",
  "session-ended",
  "second-factor-required",
  "second-factor-invalid",
  "sign-in-failed",
] as const;

export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

/** The answers after a right password that ask the form for the second factor. */
export function asksForSecondFactor(code: string | null | undefined): boolean {
  return code === "second-factor-required" || code === "second-factor-invalid";
}

function isSignInErrorCode(code: string): code is SignInErrorCode {
  return (SIGN_IN_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The code whose message the page shows, for an error code from the URL or from next-auth. next-auth's own
 * codes (`CredentialsSignin` when no code came through, `Configuration`, `Callback`, ...) and anything unknown
 * get the generic one.
 */
export function signInError(code: string | null | undefined): SignInErrorCode | undefined {
  if (!code || code === "undefined") return undefined;
  if (code === "CredentialsSignin") return "wrong-credentials";
  return isSignInErrorCode(code) ? code : "sign-in-failed";
}
