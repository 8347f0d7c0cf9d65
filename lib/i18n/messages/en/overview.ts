export const overview = {
  description:
    "Is everything all right? Each appliance's health and live figures; every figure opens the list it counts.",
  connections: "Connections",
  areas: "Areas",
  figures: {
    label: "Figures",
    loading: "Loading figures",
    callsToday: "Calls today",
    sameAsYesterday: "same as by this time yesterday ({yesterday})",
    upFromYesterday: "up from {yesterday} by this time yesterday",
    downFromYesterday: "down from {yesterday} by this time yesterday",
    answeredToday: "Answered today",
    answeredOf: "{answered} of {total, plural, one {# call} other {# calls}}",
    callsPerDay: "Calls per day, last 7 days",
    callsUnit: "calls",
    extensions: "Extensions",
    registrationUnknown: "This Operator does not report which phones are registered.",
    phonesRegistered: "Phones registered",
    unregistered:
      "{count, plural, one {# extension without a registered phone} other {# extensions without a registered phone}}",
    activeVouchers: "Active vouchers",
    expiringToday: "Expiring today",
    openTickets: "Open tickets",
    unassigned: "Unassigned",
  },
};
