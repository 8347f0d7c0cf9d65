import type { Messages } from "../catalog";

export const kayako: Messages["kayako"] = {};
