import type { Messages } from "../catalog";

export const palette: Messages["palette"] = {};
