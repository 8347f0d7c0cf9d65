import type { Messages } from "../catalog";

export const common: Messages["common"] = {
  language: {
    label: "Lingua",
    browser: "Come il mio browser ({language})",
  },
};
