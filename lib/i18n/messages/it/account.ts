import type { Messages } from "../catalog";

export const account: Messages["account"] = {
  language: {
    hint: "La console e i suoi messaggi usano questa lingua, su ogni dispositivo da cui accedi.",
  },
};
