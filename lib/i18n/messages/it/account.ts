import type { Messages } from "../catalog";

export const account: Messages["account"] = {
  title: "Il tuo account",
  stepNotice: {
    "change-password":
      "La tua password è stata generata per te. Scegline una tua prima di continuare: la console si apre quando l'hai cambiata.",
    "enrol-second-factor":
      "Un amministratore richiede l'accesso a due fattori. Configuralo qui sotto: la console si apre quando è attivo.",
  },
  allSet: "Tutto pronto. {link}",
  continue: "Vai alla console",
  password: {
    heading: "Password",
    current: "Password attuale",
    new: "Nuova password",
    newHint: "Almeno 12 caratteri, non una password comune.",
    repeat: "Ripeti la nuova password",
    differ: "Le due nuove password non coincidono.",
    submit: "Cambia password",
    pending: "Modifica…",
    changed: "Password cambiata. Le tue altre sessioni sono state chiuse.",
  },
  twoFactor: {
    heading: "Accesso a due fattori",
    on: "attivo",
    off: "non attivo",
    required:
      "Un amministratore richiede l'accesso a due fattori per il tuo account. Configuralo per continuare a usare la console.",
    intro:
      "Dopo la password, la console chiede un codice di 6 cifre da un'app di autenticazione sul telefono (qualsiasi app che supporti TOTP).",
    setUp: "Configura l'accesso a due fattori",
    scan: "Inquadra il codice QR con l'app di autenticazione, oppure inserisci la chiave a mano.",
    enterCode: "Inserisci il codice di 6 cifre che l'app mostra.",
    qrLabel: "Codice QR per aggiungere la console all'app di autenticazione",
    keyByHand: "Chiave da inserire a mano:",
    keyKind: "Basato sul tempo, 6 cifre, ogni 30 secondi.",
    turnOnForm: "Attiva l'accesso a due fattori",
    code: "Codice dall'app",
    turnOn: "Attiva",
    turnedOn: "L'accesso a due fattori è attivo.",
    enabled:
      "Il tuo accesso chiede un codice dall'app di autenticazione. Codici di recupero rimasti: {left} su 10.",
    newCodes: "Nuovi codici di recupero",
    turnOff: "Disattiva l'accesso a due fattori",
  },
  recoveryCodes: {
    intro:
      "Conserva questi codici di recupero in un posto sicuro (un gestore di password, o su carta). Ognuno ti fa accedere una volta se perdi l'app di autenticazione. Vengono mostrati solo adesso.",
    label: "Codici di recupero",
    saved: "Li ho salvati",
  },
  proof: {
    title: {
      remove: "Disattiva l'accesso a due fattori",
      regenerate: "Genera nuovi codici di recupero",
    },
    intro: "Conferma che sei tu: la tua password, o un codice attuale.",
    password: "La tua password",
    code: "Oppure un codice dall'app",
    submit: { remove: "Disattiva", regenerate: "Genera nuovi codici" },
    done: {
      remove: "L'accesso a due fattori è disattivato.",
      regenerate: "Nuovi codici di recupero generati; quelli vecchi non valgono più.",
    },
  },
  language: {
    hint: "La console e i suoi messaggi usano questa lingua, su ogni dispositivo da cui accedi.",
  },
};
