import type { Messages } from "../catalog";

export const palette: Messages["palette"] = {
  launcher: "Vai a…",
  title: "Riquadro comandi",
  inputLabel: "Vai a una pagina, o trova un interno, un voucher, un ticket, una chiamata o un utente hotspot",
  placeholder: "Pagina, numero interno, codice voucher, id o maschera ticket, id chiamata, utente…",
  hint: "↑ ↓ per spostarti, Invio per aprire, Esc per chiudere.",
  results: "Risultati",
  groups: { recent: "Recenti", pages: "Pagine", search: "Ricerca" },
  page: "Pagina",
  searchedNote: "Cercato: {what}.",
  nothingFound: "Nessun risultato.",
  searching: "Ricerca sugli apparati…",
  found: "{count, plural, one {# risultato} other {# risultati}}.",
  trouble: "{count, plural, one {Una fonte non ha} other {# fonti non hanno}} risposto.",
  noMatch:
    "Nessuna pagina corrisponde. Scrivi un numero interno, un codice voucher, un id o una maschera ticket (ABC-123-45678), l'id univoco di una chiamata o il nome di un utente hotspot.",
  kinds: {
    extension: { label: "Interni", noun: "Interno" },
    voucher: { label: "Voucher", noun: "Voucher" },
    hotspotUser: { label: "Utenti hotspot", noun: "Utente hotspot" },
    ticket: { label: "Ticket", noun: "Ticket" },
    call: { label: "Chiamate", noun: "Chiamata" },
  },
  searched: {
    extensionNumber: "numeri interni che contengono {value}",
    ticketId: "ticket n. {value}",
    ticketMask: "ticket {value}",
    callId: "la chiamata con id univoco {value} (nel suo giorno e in quelli accanto)",
    voucherCode: "codici voucher che contengono «{value}»",
    hotspotUser: "utenti hotspot il cui nome o e-mail contiene «{value}»",
  },
};
