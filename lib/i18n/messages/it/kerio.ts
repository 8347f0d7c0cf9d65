import type { Messages } from "../catalog";

export const kerio: Messages["kerio"] = {};
