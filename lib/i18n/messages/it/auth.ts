import type { Messages } from "../catalog";

export const auth: Messages["auth"] = {
  title: "Accedi",
  productName: "Operator Console",
  intro: "Accedi con il tuo account della console.",
  email: "Email",
  password: "Password",
  code: "Codice a due fattori",
  codeHint: "6 cifre dall'app di autenticazione, oppure un codice di recupero.",
  submit: "Accedi",
  pending: "Accesso in corso…",
  errors: {
    "wrong-credentials": "Email o password errata.",
    "locked-out":
      "Troppi accessi non riusciti. Attendi 15 minuti e riprova, oppure chiedi a un amministratore di controllare l'account.",
    "account-disabled": "Questo account è disattivato. Chiedi a un amministratore di riattivarlo.",
    "input-too-long": "L'email (al massimo 254 caratteri) o la password (al massimo 256) è troppo lunga.",
    "session-ended": "La tua sessione è terminata. Accedi di nuovo per continuare.",
    "second-factor-required":
      "Inserisci il codice di 6 cifre dall'app di autenticazione, oppure uno dei tuoi codici di recupero.",
    "second-factor-invalid":
      "Il codice è errato, scaduto o già usato. Inserisci il codice attuale, oppure un codice di recupero.",
    "sign-in-failed": "L'accesso non è riuscito per un problema della console. Riprova tra poco.",
  },
};
