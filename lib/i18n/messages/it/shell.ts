import type { Messages } from "../catalog";

export const shell: Messages["shell"] = {
  skipToContent: "Vai al contenuto",
  productName: "Operator Console",
  mainNavigation: "Principale",
  description: "Una console per Kerio, Kiwire, KalliopePBX e Kayako",
  theme: {
    label: "Tema",
    selectLabel: "Tema dei colori",
    options: { system: "sistema", light: "chiaro", dark: "scuro" },
    notSaved: "Non è stato possibile salvare il tema. Controlla la connessione e riprova.",
  },
  yourAccount: "Il tuo account",
  signOut: "Esci",
  apiDocs: {
    machineReadable: "{description} In formato leggibile da programmi: {link}.",
    operationId: "Id operazione {id}. {description}",
    required: "obbligatorio",
    responses: "Risposte: {responses}",
  },
  status: {
    back: "Torna alla panoramica",
    notFound: {
      title: "Pagina non trovata",
      text: "L'indirizzo potrebbe essere sbagliato, o la pagina potrebbe essere stata spostata.",
    },
    forbidden: {
      title: "Non hai accesso a questa pagina",
      text: "Il tuo ruolo non include il permesso che serve a questa pagina. Se ti serve, chiedi a un amministratore della console di cambiare il tuo ruolo.",
    },
  },
};
