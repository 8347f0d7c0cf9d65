import type { Messages } from "../catalog";

export const ui: Messages["ui"] = {
  dialog: {
    cancel: "Annulla",
    working: "In corso…",
    discardQuestion: "Vuoi scartare ciò che hai scritto?",
    keepEditing: "Continua a modificare",
    discard: "Scarta",
  },
  error: {
    requestId: "ID richiesta:",
    retry: "Riprova",
    retrying: "Nuovo tentativo…",
    dismiss: "Chiudi",
  },
  loading: "Caricamento",
  table: {
    scrollable: "{label} (scorrevole)",
    unnamed: "Tabella (scorrevole)",
  },
  pages: {
    label: "Pagine",
    previous: "Precedente",
    next: "Successiva",
    rowsPerPage: "Righe per pagina",
    perPage: "{size} per pagina",
  },
  toasts: {
    label: "Notifiche",
    close: "Chiudi notifica",
  },
};
