import type { Messages } from "../catalog";

export const overview: Messages["overview"] = {
  description:
    "Va tutto bene? Lo stato e i dati in tempo reale di ogni apparato; ogni dato apre l'elenco che conta.",
  connections: "Connessioni",
  areas: "Aree",
  figures: {
    label: "Dati",
    loading: "Caricamento dei dati",
    callsToday: "Chiamate oggi",
    sameAsYesterday: "come ieri alla stessa ora ({yesterday})",
    upFromYesterday: "in aumento da {yesterday} di ieri alla stessa ora",
    downFromYesterday: "in calo da {yesterday} di ieri alla stessa ora",
    answeredToday: "Risposte oggi",
    answeredOf: "{answered} su {total, plural, one {# chiamata} other {# chiamate}}",
    callsPerDay: "Chiamate al giorno, ultimi 7 giorni",
    callsUnit: "chiamate",
    extensions: "Interni",
    registrationUnknown: "Questo Operator non indica quali telefoni sono registrati.",
    phonesRegistered: "Telefoni registrati",
    unregistered:
      "{count, plural, one {# interno senza telefono registrato} other {# interni senza telefono registrato}}",
    activeVouchers: "Voucher attivi",
    expiringToday: "In scadenza oggi",
    openTickets: "Ticket aperti",
    unassigned: "Non assegnati",
  },
};
