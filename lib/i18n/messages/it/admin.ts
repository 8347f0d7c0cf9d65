import type { Messages } from "../catalog";

export const admin: Messages["admin"] = {};
