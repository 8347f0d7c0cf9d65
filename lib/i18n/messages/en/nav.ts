/** The sidebar and the palette's pages (lib/navigation.ts names them by these keys). */
export const nav = {
  sections: {
    console: "Console",
    kerio: "Kerio",
    kiwire: "Kiwire",
    kalliope: "Kalliope",
    kayako: "Kayako",
    admin: "Admin",
  },
  pages: {
    overview: "Overview",
    connections: "Connections",
    apiDocs: "API reference",
    extensions: "PBX extensions",
    mailUsers: "Mail accounts",
    addressGroups: "IP address groups",
    vouchers: "Hotspot vouchers",
    hotspotUsers: "Hotspot users",
    loginHistory: "Hotspot login history",
    profiles: "Hotspot profiles and NAS",
    calls: "Call records",
    tickets: "Helpdesk tickets",
    users: "Users",
    apiTokens: "API tokens",
    audit: "Audit log",
    account: "Your account",
  },
};
