import type { Messages } from "../catalog";

export const kiwire: Messages["kiwire"] = {};
