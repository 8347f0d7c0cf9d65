import type { Messages } from "../catalog";

export const overview: Messages["overview"] = {};
