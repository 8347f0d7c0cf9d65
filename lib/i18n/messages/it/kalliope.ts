import type { Messages } from "../catalog";

export const kalliope: Messages["kalliope"] = {
  statistics: "Statistiche",
};
