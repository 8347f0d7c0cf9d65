import type { Messages } from "../catalog";

export const nav: Messages["nav"] = {
  sections: {
    console: "Console",
    kerio: "Kerio",
    kiwire: "Kiwire",
    kalliope: "Kalliope",
    kayako: "Kayako",
    admin: "Amministrazione",
  },
  pages: {
    overview: "Panoramica",
    connections: "Connessioni",
    apiDocs: "Riferimento API",
    extensions: "Interni PBX",
    mailUsers: "Account di posta",
    addressGroups: "Gruppi di indirizzi IP",
    vouchers: "Voucher hotspot",
    hotspotUsers: "Utenti hotspot",
    loginHistory: "Storico accessi hotspot",
    profiles: "Profili hotspot e NAS",
    calls: "Registro chiamate",
    tickets: "Ticket helpdesk",
    users: "Utenti",
    apiTokens: "Token API",
    audit: "Registro di controllo",
    account: "Il tuo account",
  },
};
