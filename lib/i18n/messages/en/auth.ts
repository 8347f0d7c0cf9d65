/** The sign-in page. */
export const auth = {
  title: "Sign in",
  productName: "Operator Console",
  intro: "Sign in with your console account.",
  email: "Email",
  password: "Password",
  code: "Two-factor code",
  codeHint: "6 digits from your authenticator app, or a recovery code.",
  submit: "Sign in",
  pending: "Signing in…",
  /** What the page says for each code of lib/sign-in-errors.ts. */
  errors: {
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
  },
};
