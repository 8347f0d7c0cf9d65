import type { ConnectionKind } from "@/lib/connection-kinds";

/**
 * Kinds whose summary has figures; the others' cards show their health alone. Plain data, not in the client
 * component, so the server page can read it (a value from a "use client" module is only a reference there).
 */
export const KINDS_WITH_FIGURES = [
  "kalliope",
  "kerio-operator",
  "kiwire",
  "kayako",
] as const satisfies readonly ConnectionKind[];
