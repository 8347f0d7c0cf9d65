import type { Messages } from "../catalog";

export const auth: Messages["auth"] = {};
