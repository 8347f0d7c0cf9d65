export const account = {
  title: "Your account",
  stepNotice: {
    "change-password":
      "Your password was generated for you. Choose your own before you continue: the console opens once it is changed.",
    "enrol-second-factor":
      "An admin requires two-factor sign-in. Set it up below: the console opens once it is on.",
  },
  allSet: "All set. {link}",
  continue: "Continue to the console",
  password: {
    heading: "Password",
    current: "Current password",
    new: "New password",
    newHint: "At least 12 characters, not a common password.",
    repeat: "Repeat the new password",
    differ: "The two new passwords differ.",
    submit: "Change password",
    pending: "Changing…",
    changed: "Password changed. Your other sessions have ended.",
  },
  twoFactor: {
    heading: "Two-factor sign-in",
    on: "on",
    off: "off",
    required:
      "An admin requires two-factor sign-in for your account. Set it up to continue using the console.",
    intro:
      "After your password, the console asks for a 6-digit code from an authenticator app on your phone (any app that supports TOTP).",
    setUp: "Set up two-factor sign-in",
    scan: "Scan the QR code with your authenticator app, or type the key into it by hand.",
    enterCode: "Enter the 6-digit code the app then shows.",
    qrLabel: "QR code to add the console to your authenticator app",
    keyByHand: "Key for typing in by hand:",
    keyKind: "Time-based, 6 digits, every 30 seconds.",
    turnOnForm: "Turn on two-factor sign-in",
    code: "Code from the app",
    turnOn: "Turn on",
    turnedOn: "Two-factor sign-in is on.",
    enabled: "Your sign-in asks for a code from your authenticator app. {left} of 10 recovery codes left.",
    newCodes: "New recovery codes",
    turnOff: "Turn off two-factor sign-in",
  },
  recoveryCodes: {
    intro:
      "Save these recovery codes somewhere safe (a password manager, or on paper). Each signs you in once if you lose your authenticator. They are shown only now.",
    label: "Recovery codes",
    saved: "I have saved them",
  },
  proof: {
    title: {
      remove: "Turn off two-factor sign-in",
      regenerate: "Make new recovery codes",
    },
    intro: "Confirm it is you: your password, or a current code.",
    password: "Your password",
    code: "Or a code from the app",
    submit: { remove: "Turn off", regenerate: "Make new codes" },
    done: {
      remove: "Two-factor sign-in is off.",
      regenerate: "New recovery codes made; the old ones no longer work.",
    },
  },
  language: {
    hint: "The console and its messages to you use this language, on every device you sign in from.",
  },
};
