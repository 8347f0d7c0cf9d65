import type { Messages } from "../catalog";

export const sections: Messages["sections"] = {
  notRemembered: "La scelta di chiudere o aprire questa parte non è stata memorizzata: {message}",
};
