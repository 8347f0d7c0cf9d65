import type { Messages } from "../catalog";

export const shell: Messages["shell"] = {
  skipToContent: "Vai al contenuto",
  productName: "Operator Console",
  mainNavigation: "Principale",
};
