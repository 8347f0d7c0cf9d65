/**
 * KalliopePBX call codes the browser needs (statuses, endpoint types, exit causes, match modes, sorts), as plain
 * data free of zod, so the call views can import them without shipping the schema library in their page's first
 * load; `lib/api/kalliope.ts` builds its schemas from them. Codes follow kalliope-notes §2.6–2.7; the PBX may
 * send values no source lists, so every code is a plain string and a known one only adds a label (the labels
 * are in the `kalliope` message catalog, in the reader's language).
 */

export const CALL_STATUSES = [
  "OK",
  "CANCELED",
  "NOANSWER",
  "BUSY",
  "FAILED",
  "UNAVAILABLE",
  "FORBIDDEN",
  "??",
] as const;

export type CallStatus = (typeof CALL_STATUSES)[number];

export const ENDPOINT_TYPES = [
  "local_exten",
  "ibl",
  "obl",
  "service",
  "callg",
  "queue",
  "ivr",
  "conference",
  "fax",
] as const;

/** Every endpoint type with a label: the filterable ones and those that only appear on a call's path. */
export const LABELLED_ENDPOINT_TYPES = [...ENDPOINT_TYPES, "dre", "checktime", "voicemail"] as const;
export type LabelledEndpointType = (typeof LABELLED_ENDPOINT_TYPES)[number];

export const EXIT_CAUSES = [
  "NCC",
  "CANCELED",
  "NOANSWER",
  "BUSY",
  "ANSWNOACC",
  "PICKUP",
  "PARKED",
  "UFWD",
  "CFWD",
  "CFWD2MOBILE",
  "FORK2MOBILE",
  "BLINDXFER",
  "ATXFER",
  "UNAVAILABLE",
  "CONGESTION",
  "CLOSED",
  "FORBIDDEN_NOCLASS",
  "QUEUE_CALLBACK",
] as const;
export type ExitCause = (typeof EXIT_CAUSES)[number];

/** Whether a code is one of a known list (and so has a label): `isKnownCode(CALL_STATUSES, "OK")`. */
export function isKnownCode<T extends string>(known: readonly T[], code: string): code is T {
  return (known as readonly string[]).includes(code);
}

export const MATCH_MODES = ["begins", "contains", "ends", "exact", "not"] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const CALL_SORTS = [
  "startTime",
  "caller",
  "called",
  "status",
  "source",
  "destination",
  "gateway",
  "accountCode",
  "answeredBy",
  "durationSeconds",
  "billSeconds",
  "id",
] as const;
export type CallSort = (typeof CALL_SORTS)[number];
