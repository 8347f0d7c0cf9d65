import type { Messages } from "../catalog";

export const connections: Messages["connections"] = {};
