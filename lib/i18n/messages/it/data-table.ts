import type { Messages } from "../catalog";

export const dataTable: Messages["dataTable"] = {};
