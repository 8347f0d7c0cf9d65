import type { Messages } from "../catalog";

export const charts: Messages["charts"] = {};
