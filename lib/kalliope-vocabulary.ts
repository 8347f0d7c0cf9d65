/**
 * KalliopePBX call words the browser needs (statuses, endpoint types, exit causes and their labels, match modes,
 * sorts) and how a duration reads, as plain data and functions free of zod, so the call views can import them
 * without shipping the schema library in their page's first load; `lib/api/kalliope.ts` builds its schemas from
 * them. Codes follow kalliope-notes §2.6–2.7; the PBX may send values no source lists, so every code is a plain
 * string and the known ones only add a label.
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

export const CALL_STATUS_LABELS: Record<string, string> = {
  OK: "Answered",
  CANCELED: "Caller hung up",
  NOANSWER: "Not answered",
  BUSY: "Busy",
  FAILED: "No route",
  UNAVAILABLE: "Unavailable",
  FORBIDDEN: "Unknown line",
  "??": "Undetermined",
};

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

export const ENDPOINT_TYPE_LABELS: Record<string, string> = {
  local_exten: "Extension",
  ibl: "Inbound line",
  obl: "Outbound line",
  service: "Service",
  callg: "Ring group",
  queue: "Queue",
  ivr: "IVR",
  conference: "Conference",
  fax: "Fax",
  dre: "Dynamic routing",
  checktime: "Time check",
  voicemail: "Voicemail",
};

export const EXIT_CAUSE_LABELS: Record<string, string> = {
  NCC: "Normal clearing",
  CANCELED: "Caller hung up",
  NOANSWER: "Not answered",
  BUSY: "Busy",
  ANSWNOACC: "Mobile answered, not accepted",
  PICKUP: "Picked up",
  PARKED: "Parked",
  UFWD: "Unconditional forward",
  CFWD: "Forward",
  CFWD2MOBILE: "Forward to mobile",
  FORK2MOBILE: "Fork to mobile",
  BLINDXFER: "Blind transfer",
  ATXFER: "Attended transfer",
  UNAVAILABLE: "Unavailable",
  CONGESTION: "Congestion",
  CLOSED: "Closed",
  FORBIDDEN_NOCLASS: "Forbidden (class)",
  QUEUE_CALLBACK: "Queue callback",
};

/** A label for a known code; an unknown one is shown as the PBX sent it. */
export function codeLabel(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

/** `m:ss` (or `h:mm:ss` from an hour up). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
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
