import { createRandom, type Random } from "../shared/random";
import { clockTime, fixedOffsetZone, ianaZone, isoDateOfDay, partsOfDay, SECONDS_PER_DAY } from "./dates";

/**
 * The simulated call detail records. A day's calls are a pure function of (seed, tenant domain, date,
 * calls-per-day): nothing is materialised up front, a day is generated when a request touches it and kept in
 * a small LRU cache, so 300,000+ calls cost no start-up time and little memory.
 */

/** Call-level fields, in the order of the document's examples (§2.3; notes §2.4). */
export const SUMMARY_FIELDS = [
  "id",
  "source",
  "start_time",
  "answer_time",
  "end_time",
  "account_code",
  "caller",
  "gateway_name",
  "called",
  "status",
  "answered_by",
  "bill_secs",
  "duration",
  "destination",
] as const;

/** Call-path fields (GUI export names, notes §2.5). */
export const DETAIL_FIELDS = [
  "detail_source_num",
  "detail_anonymous",
  "detail_destination_type",
  "detail_destination_id",
  "detail_destination_name",
  "detail_destination_num",
  "detail_enter_datetime",
  "detail_enqueue_datetime",
  "detail_answer_datetime",
  "detail_exit_datetime",
  "detail_exit_cause",
  "detail_answered_by",
  "detail_waiting_time",
  "detail_mapped_source_num",
  "detail_mapped_dst_num",
  "detail_account_code",
] as const;

export interface CdrSummary {
  /** Asterisk uniqueid `epoch.sequence`, a string (notes §2.4). */
  id: string;
  source: string;
  start_time: string;
  answer_time: string;
  end_time: string;
  account_code: string;
  caller: string;
  gateway_name: string;
  called: string;
  status: string;
  answered_by: string;
  bill_secs: number;
  duration: number;
  destination: string;
}

export interface CdrDetail {
  detail_source_num: string;
  detail_anonymous: number;
  detail_destination_type: string;
  detail_destination_id: string;
  detail_destination_name: string;
  detail_destination_num: string;
  detail_enter_datetime: string;
  detail_enqueue_datetime: string;
  detail_answer_datetime: string;
  detail_exit_datetime: string;
  detail_exit_cause: string;
  detail_answered_by: string;
  detail_waiting_time: number;
  detail_mapped_source_num: string;
  detail_mapped_dst_num: string;
  detail_account_code: string;
}

export type CallDirection = "in" | "out" | "local";

export interface StoredCall {
  summary: CdrSummary;
  details: CdrDetail[];
  /** Start as PBX local seconds since 1970 (what POST begin/end compare with). */
  startLocal: number;
  /** End as UTC milliseconds: a call shows in the CDR only once it has ended on the simulator clock. */
  endUtcMs: number;
  direction: CallDirection;
  /** The extension on our side of the call ("-" when none), for the Blues billing line. */
  extension: string;
  /** The 14-digit Blues call id: `yyyyMM` + an 8-digit position in the month (notes §2.8). */
  bluesId: string;
}

/** Source/destination type codes (notes §2.6). */
export const TYPE_CODES = [
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
/** Types only found on call-path rows (notes §2.6). */
export const DETAIL_ONLY_TYPE_CODES = ["dre", "checktime", "voicemail"] as const;
/** Call-level status codes (notes §2.7). */
export const STATUS_CODES = [
  "OK",
  "CANCELED",
  "NOANSWER",
  "BUSY",
  "FAILED",
  "UNAVAILABLE",
  "FORBIDDEN",
  "??",
] as const;

// ---------------------------------------------------------------------------------------------------------
// Seeds

/** FNV-1a over the parts, so each (seed, tenant, day, purpose) gets its own independent generator. */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5;
  const text = parts.join("\u0001");
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// The PBX configuration the calls run through (extensions, groups, queues, lines), one per tenant.

interface Extension {
  num: string;
  name: string;
  accountCode: string;
  did: string;
  mobile: string;
}

interface Entity {
  id: string;
  name: string;
}

interface Group extends Entity {
  members: Extension[];
}

interface Line extends Entity {
  weight: number;
}

export interface Directory {
  extensions: Extension[];
  mainNumber: string;
  faxNumber: string;
  queues: Group[];
  groups: Group[];
  ivr: Entity;
  closedIvr: Entity;
  checktime: Entity;
  generalMailbox: Entity;
  outLines: Line[];
  mobileLine: Line;
  inTrunks: Line[];
  services: Array<Entity & { code: string }>;
  conference: Entity & { num: string };
  fax: Entity;
  /** Recurring customers and suppliers, so "top callers" in the console looks like a real office. */
  contacts: string[];
}

// biome-ignore format: a compact table reads better than one entry per line
const FIRST_NAMES = [
  "Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara", "Matteo", "Sara", "Alessandro", "Elena",
  "Davide", "Valentina", "Simone", "Martina", "Federico", "Silvia", "Lorenzo", "Paola", "Stefano", "Anna",
];
// biome-ignore format: a compact table reads better than one entry per line
const LAST_NAMES = [
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
  "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
  "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
];
// biome-ignore format: a compact table reads better than one entry per line
const AREA_CODES = [
  "02", "06", "011", "010", "051", "055", "081", "091", "045", "049", "050", "0583", "070", "080",
];
// biome-ignore format: a compact table reads better than one entry per line
const MOBILE_PREFIXES = [
  "320", "328", "329", "333", "335", "338", "339", "340", "347", "348", "349", "366", "388", "392",
];
const COUNTRY_CODES = ["44", "49", "33", "34", "41", "43", "1"];
const DEPARTMENT_CODES = ["COMM", "AMM", "TECH", "LOG"];

function digits(random: Random, count: number): string {
  let out = "";
  for (let index = 0; index < count; index++) out += String(random.int(0, 9));
  return out;
}

/** An Italian landline, mobile or foreign number as the PBX sees it (no outside-line prefix). */
export function externalNumber(random: Random): string {
  const roll = random.next();
  if (roll < 0.55) {
    const area = random.pick(AREA_CODES);
    return area + digits(random, 10 - area.length);
  }
  if (roll < 0.93) return random.pick(MOBILE_PREFIXES) + digits(random, 7);
  return `00${random.pick(COUNTRY_CODES)}${digits(random, random.int(8, 10))}`;
}

export function buildDirectory(seed: number, domain: string): Directory {
  const random = createRandom(hashSeed(seed, domain, "directory"));
  const base = `050${random.int(5000, 9899)}`;
  const extensions: Extension[] = [];
  const usedNames = new Set<string>();
  for (let num = 201; num <= 236; num++) {
    let name = "";
    do name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    extensions.push({
      num: String(num),
      name,
      // The document's example carries the extension as account code ("206"); some offices tag departments.
      accountCode: random.chance(0.65) ? String(num) : random.pick(DEPARTMENT_CODES),
      did: base + String(num),
      mobile: random.pick(MOBILE_PREFIXES) + digits(random, 7),
    });
  }
  const slice = (from: number, to: number) => extensions.slice(from, to);
  const contacts = Array.from({ length: 1500 }, () => externalNumber(random));
  return {
    extensions,
    mainNumber: `${base}000`,
    faxNumber: `${base}999`,
    queues: [
      { id: "1", name: "Assistenza", members: slice(0, 8) },
      { id: "2", name: "Centralino", members: slice(8, 11) },
    ],
    groups: [
      { id: "1", name: "Commerciale", members: slice(11, 18) },
      { id: "2", name: "Amministrazione", members: slice(18, 22) },
      { id: "3", name: "Magazzino", members: slice(22, 26) },
    ],
    ivr: { id: "1", name: "Benvenuto" },
    closedIvr: { id: "2", name: "Messaggio fuori orario" },
    checktime: { id: "1", name: "Orario ufficio" },
    generalMailbox: { id: "200", name: "Segreteria generale" },
    outLines: [
      { id: "1", name: "TIM_SIP_Trunk", weight: 0.6 },
      { id: "2", name: "Messagenet", weight: 0.3 },
      { id: "3", name: "ISDN_BRI_1", weight: 0.1 },
    ],
    mobileLine: { id: "4", name: "GSM_Gateway", weight: 0 },
    inTrunks: [
      { id: "1", name: "TIM_SIP_Trunk", weight: 0.7 },
      { id: "2", name: "Messagenet", weight: 0.2 },
      { id: "3", name: "ISDN_BRI_1", weight: 0.1 },
    ],
    services: [
      { id: "voicemail_check", name: "Consultazione casella vocale", code: "*98" },
      { id: "dnd", name: "Non disturbare", code: "*76" },
      { id: "cf_on", name: "Attivazione inoltro", code: "*72" },
    ],
    conference: { id: "1", name: "Sala riunioni", num: "800" },
    fax: { id: "1", name: "Fax server" },
    contacts,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Daily volume

/** Italian fixed national holidays (MM-DD): offices are closed, few calls. */
const HOLIDAYS = new Set([
  "01-01",
  "01-06",
  "04-25",
  "05-01",
  "06-02",
  "08-15",
  "11-01",
  "12-08",
  "12-25",
  "12-26",
]);

export interface VolumeOptions {
  seed: number;
  domain: string;
  callsPerDay: number;
  /** Weekday/weekend/holiday pattern with ±10 % noise; false gives exactly callsPerDay every day. */
  dailyVariation: boolean;
}

function isHoliday(dayNumber: number): boolean {
  const { month, day } = partsOfDay(dayNumber);
  return HOLIDAYS.has(`${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** Calls on a day. Weekday factors average 1 over a week, so a week holds about 7 × callsPerDay. */
export function callCountForDay(options: VolumeOptions, dayNumber: number): number {
  if (options.callsPerDay <= 0) return 0;
  if (!options.dailyVariation) return Math.round(options.callsPerDay);
  const { weekday } = partsOfDay(dayNumber);
  let factor = weekday === 0 ? 0.25 : weekday === 6 ? 0.45 : 1.26;
  if (isHoliday(dayNumber)) factor = 0.2;
  const jitter = 0.9 + 0.2 * createRandom(hashSeed(options.seed, options.domain, dayNumber, "count")).next();
  return Math.round(options.callsPerDay * factor * jitter);
}

// ---------------------------------------------------------------------------------------------------------
// One call

// biome-ignore format: a compact table reads better than one entry per line
const WEEKDAY_HOURS = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.5, 5, 9, 10, 9, 6, 3, 6, 9, 9, 8, 4, 1.5, 0.8, 0.5, 0.3, 0.2,
];
// biome-ignore format: a compact table reads better than one entry per line
const QUIET_HOURS = [

  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.5, 2.5, 3, 3, 2.5, 2, 2, 2.2, 2.2, 2, 1.5, 1.2, 1, 0.7, 0.5, 0.3,
];

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = random.next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const WEEKDAY_TOTAL = sum(WEEKDAY_HOURS);
const QUIET_TOTAL = sum(QUIET_HOURS);

function startSecond(random: Random, quiet: boolean): number {
  const hours = quiet ? QUIET_HOURS : WEEKDAY_HOURS;
  let roll = random.next() * (quiet ? QUIET_TOTAL : WEEKDAY_TOTAL);
  let hour = 0;
  while (hour < 23 && roll >= (hours[hour] ?? 0)) roll -= hours[hour++] ?? 0;
  return hour * 3600 + random.int(0, 3599);
}

/** Log-normal durations: most calls short, a long tail (seconds). */
function logNormal(random: Random, median: number, sigma: number, max: number): number {
  const u = Math.max(random.next(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  return Math.min(max, Math.max(1, Math.round(median * Math.exp(sigma * z))));
}

/** Rolls one outcome from a table of [value, weight] pairs. */
function outcome<T extends string>(random: Random, table: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const entry of table) total += entry[1];
  let roll = random.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

/** Another extension than `not` (re-rolls instead of filtering, to avoid an allocation per call). */
function otherExtension(random: Random, extensions: readonly Extension[], not: Extension): Extension {
  let candidate = random.pick(extensions);
  while (candidate === not) candidate = random.pick(extensions);
  return candidate;
}

interface StepSpec {
  type: string;
  id?: string;
  name?: string;
  num?: string;
  sourceNum: string;
  anonymous?: boolean;
  /** Seconds in the step before it is answered (or left, when not answered). */
  wait: number;
  /** Present when the step answers the call: who, and for how long the call then stays in this step. */
  answer?: { by: string; talk: number };
  cause: string;
  enqueue?: boolean;
  mappedSource?: string;
  mappedDst?: string;
  accountCode?: string;
}

/** Walks a call through the numbering plan, one detail row per step (notes §2.5, "Percorso chiamate"). */
class CallPath {
  readonly rows: CdrDetail[] = [];
  time: number;
  answeredAt: number | null = null;
  answeredBy = "";

  constructor(
    readonly start: number,
    /** Calls end before midnight so a day's calls stay within their own day. */
    private readonly limit = SECONDS_PER_DAY - 1,
  ) {
    this.time = start;
  }

  step(spec: StepSpec): void {
    const enter = this.time;
    const stop = Math.min(this.limit, enter + spec.wait);
    let answer: number | null = null;
    let exit = stop;
    if (spec.answer) {
      answer = stop;
      exit = Math.min(this.limit, answer + spec.answer.talk);
      if (this.answeredAt === null) {
        this.answeredAt = answer;
        this.answeredBy = spec.answer.by;
      }
    }
    this.rows.push({
      detail_source_num: spec.sourceNum,
      detail_anonymous: spec.anonymous ? 1 : 0,
      detail_destination_type: spec.type,
      detail_destination_id: spec.id ?? "",
      detail_destination_name: spec.name ?? "",
      detail_destination_num: spec.num ?? "",
      detail_enter_datetime: clockTime(enter),
      detail_enqueue_datetime: spec.enqueue ? clockTime(enter) : "",
      detail_answer_datetime: answer === null ? "" : clockTime(answer),
      detail_exit_datetime: clockTime(exit),
      detail_exit_cause: spec.cause,
      detail_answered_by: spec.answer?.by ?? "",
      detail_waiting_time: stop - enter,
      detail_mapped_source_num: spec.mappedSource ?? "",
      detail_mapped_dst_num: spec.mappedDst ?? "",
      detail_account_code: spec.accountCode ?? "",
    });
    this.time = exit;
  }
}

interface CallShape {
  source: string;
  destination: string;
  caller: string;
  called: string;
  gatewayName: string;
  accountCode: string;
  status: string;
  direction: CallDirection;
  extension: string;
  path: CallPath;
}

interface CallContext {
  random: Random;
  dir: Directory;
  start: number;
  /** Office open (weekday, not a holiday, within opening hours): decides the inbound route. */
  open: boolean;
}

const talk = (random: Random, median = 90) => logNormal(random, median, 1.0, 3600);
const ring = (random: Random) => random.int(3, 25);

/** Ends a step on an extension, as an internal or a direct inbound call would. */
function ringExtension(
  context: CallContext,
  path: CallPath,
  target: Extension,
  sourceNum: string,
  anonymous: boolean,
  talkMedian: number,
): void {
  const { random, dir } = context;
  const result = outcome(random, [
    ["NCC", 70],
    ["NOANSWER", 13],
    ["BUSY", 6],
    ["CANCELED", 8],
    ["UNAVAILABLE", 3],
  ]);
  const base = {
    type: "local_exten",
    id: target.num,
    name: target.name,
    num: target.num,
    sourceNum,
    anonymous,
  };
  if (result === "NCC") {
    path.step({
      ...base,
      wait: ring(random),
      answer: { by: target.num, talk: talk(random, talkMedian) },
      cause: "NCC",
    });
    return;
  }
  if (result === "NOANSWER") {
    path.step({ ...base, wait: random.int(20, 30), cause: "NOANSWER" });
    if (random.chance(0.5)) {
      path.step({
        type: "voicemail",
        id: target.num,
        name: target.name,
        sourceNum,
        anonymous,
        wait: 0,
        answer: { by: target.num, talk: random.int(5, 60) },
        cause: "NCC",
      });
    }
    return;
  }
  if (result === "UNAVAILABLE" && random.chance(0.5)) {
    // Not registered: the extension forwards to its owner's mobile phone through the GSM gateway.
    path.step({ ...base, wait: 0, cause: "CFWD2MOBILE" });
    const answered = random.chance(0.75);
    path.step({
      type: "obl",
      id: dir.mobileLine.id,
      name: dir.mobileLine.name,
      num: target.mobile,
      sourceNum,
      anonymous,
      wait: ring(random),
      answer: answered ? { by: target.mobile, talk: talk(random, talkMedian) } : undefined,
      cause: answered ? "NCC" : "NOANSWER",
      mappedSource: dir.mainNumber,
      mappedDst: target.mobile,
    });
    return;
  }
  const wait = result === "BUSY" ? random.int(0, 2) : result === "UNAVAILABLE" ? 0 : random.int(2, 18);
  path.step({ ...base, wait, cause: result });
}

function statusOf(path: CallPath, fallback: string): string {
  if (path.answeredAt !== null) return "OK";
  const cause = path.rows[path.rows.length - 1]?.detail_exit_cause ?? "";
  if (cause === "CANCELED" || cause === "BUSY" || cause === "UNAVAILABLE" || cause === "NOANSWER")
    return cause;
  if (cause === "CONGESTION" || cause.startsWith("FORBIDDEN_")) return "FAILED";
  return fallback;
}

function outboundCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const from = random.pick(dir.extensions);
  const number = random.chance(0.65) ? random.pick(dir.contacts) : externalNumber(random);
  const isMobile = number.startsWith("3");
  const line = isMobile && random.chance(0.4) ? dir.mobileLine : weighted(random, dir.outLines);
  const path = new CallPath(start);
  const common = {
    type: "obl",
    id: line.id,
    name: line.name,
    num: number,
    sourceNum: from.num,
    mappedSource: random.chance(0.5) ? from.did : dir.mainNumber,
    mappedDst: number.startsWith("00") ? `+${number.slice(2)}` : number,
    accountCode: from.accountCode,
  };
  const international = number.startsWith("00");
  if (international && random.chance(0.15)) {
    // The extension's call class does not allow international calls.
    path.step({ ...common, wait: 0, cause: "FORBIDDEN_NOCLASS" });
  } else {
    const result = outcome(random, [
      ["NCC", 72],
      ["NOANSWER", 9],
      ["BUSY", 7],
      ["CANCELED", 8],
      ["CONGESTION", 2],
      ["UNAVAILABLE", 2],
    ]);
    if (result === "NCC") {
      path.step({
        ...common,
        wait: ring(random),
        answer: { by: number, talk: talk(random, 100) },
        cause: "NCC",
      });
    } else {
      const wait =
        result === "NOANSWER"
          ? random.int(30, 45)
          : result === "CANCELED"
            ? random.int(2, 25)
            : random.int(0, 3);
      path.step({ ...common, wait, cause: result });
    }
  }
  return {
    source: "local_exten",
    destination: "obl",
    caller: from.num,
    called: number,
    gatewayName: line.name,
    accountCode: from.accountCode,
    status: statusOf(path, "FAILED"),
    direction: "out",
    extension: from.num,
    path,
  };
}

function inboundCall(context: CallContext): CallShape {
  const { random, dir, start, open } = context;
  const anonymous = random.chance(0.03);
  const caller = anonymous
    ? "anonymous"
    : random.chance(0.75)
      ? random.pick(dir.contacts)
      : externalNumber(random);
  const trunk = weighted(random, dir.inTrunks);
  const path = new CallPath(start);
  const src = { sourceNum: caller, anonymous };
  const direct = random.chance(0.25);
  let called = dir.mainNumber;
  let extension = "-";
  if (direct) {
    const target = random.pick(dir.extensions);
    called = target.did;
    extension = target.num;
    ringExtension(context, path, target, caller, anonymous, 120);
  } else if (!open) {
    path.step({
      ...src,
      type: "checktime",
      id: dir.checktime.id,
      name: dir.checktime.name,
      wait: 0,
      cause: "CLOSED",
    });
    // The closed-office announcement, then the general mailbox.
    path.step({
      ...src,
      type: "ivr",
      id: dir.closedIvr.id,
      name: dir.closedIvr.name,
      wait: random.int(8, 15),
      cause: "",
    });
    const leavesMessage = random.chance(0.5);
    path.step({
      ...src,
      type: "voicemail",
      id: dir.generalMailbox.id,
      name: dir.generalMailbox.name,
      wait: random.int(0, 3),
      answer: leavesMessage ? { by: dir.generalMailbox.id, talk: random.int(10, 90) } : undefined,
      cause: leavesMessage ? "NCC" : "CANCELED",
    });
  } else {
    // Pass-through steps (time check, IVR choice) carry no exit cause of their own.
    path.step({
      ...src,
      type: "checktime",
      id: dir.checktime.id,
      name: dir.checktime.name,
      wait: 0,
      cause: "",
    });
    if (random.chance(0.08)) {
      path.step({
        ...src,
        type: "ivr",
        id: dir.ivr.id,
        name: dir.ivr.name,
        wait: random.int(3, 20),
        cause: "CANCELED",
      });
    } else {
      path.step({
        ...src,
        type: "ivr",
        id: dir.ivr.id,
        name: dir.ivr.name,
        wait: random.int(5, 20),
        cause: "",
      });
      if (random.chance(0.55)) extension = queueStep(context, path, src);
      else extension = groupStep(context, path, src);
    }
  }
  return {
    source: "ibl",
    destination:
      path.rows.find((row) => isCallLevelType(row.detail_destination_type))?.detail_destination_type ?? "",
    caller,
    called,
    gatewayName: trunk.name,
    accountCode: "",
    status: statusOf(path, "FAILED"),
    direction: "in",
    extension,
    path,
  };
}

function isCallLevelType(type: string): boolean {
  return (TYPE_CODES as readonly string[]).includes(type);
}

function queueStep(
  context: CallContext,
  path: CallPath,
  src: { sourceNum: string; anonymous: boolean },
): string {
  const { random, dir } = context;
  const queue = random.chance(0.75) ? dir.queues[0]! : dir.queues[1]!;
  const queueBase = { ...src, type: "queue", id: queue.id, name: queue.name, enqueue: true };
  const wait = logNormal(random, 35, 0.9, 600);
  const result = outcome(random, [
    ["NCC", 75],
    ["CANCELED", 17],
    ["QUEUE_CALLBACK", 3],
    ["NOANSWER", 5],
  ]);
  if (result !== "NCC") {
    path.step({ ...queueBase, wait, cause: result });
    if (result === "NOANSWER") {
      path.step({
        ...src,
        type: "voicemail",
        id: dir.generalMailbox.id,
        name: dir.generalMailbox.name,
        wait: 0,
        answer: { by: dir.generalMailbox.id, talk: random.int(10, 60) },
        cause: "NCC",
      });
      return "-";
    }
    return "-";
  }
  const agent = random.pick(queue.members);
  path.step({ ...queueBase, wait, answer: { by: agent.num, talk: 0 }, cause: "NCC" });
  if (random.chance(0.1)) {
    // The agent hands the caller over to a colleague.
    const colleague = otherExtension(random, context.dir.extensions, agent);
    path.step({
      ...src,
      type: "local_exten",
      id: agent.num,
      name: agent.name,
      num: agent.num,
      wait: 0,
      answer: { by: agent.num, talk: talk(random, 40) },
      cause: "BLINDXFER",
    });
    ringExtension(context, path, colleague, src.sourceNum, src.anonymous, 120);
    return agent.num;
  }
  path.step({
    ...src,
    type: "local_exten",
    id: agent.num,
    name: agent.name,
    num: agent.num,
    wait: 0,
    answer: { by: agent.num, talk: talk(random, 180) },
    cause: "NCC",
  });
  return agent.num;
}

function groupStep(
  context: CallContext,
  path: CallPath,
  src: { sourceNum: string; anonymous: boolean },
): string {
  const { random, dir } = context;
  const group = random.chance(0.6) ? dir.groups[0]! : random.chance(0.6) ? dir.groups[1]! : dir.groups[2]!;
  const groupBase = { ...src, type: "callg", id: group.id, name: group.name };
  const result = outcome(random, [
    ["NCC", 74],
    ["PICKUP", 5],
    ["NOANSWER", 9],
    ["CANCELED", 12],
  ]);
  if (result === "NCC" || result === "PICKUP") {
    // PICKUP: someone outside the group picks the ringing call up from their own phone.
    const member = result === "NCC" ? random.pick(group.members) : random.pick(dir.extensions);
    path.step({ ...groupBase, wait: ring(random), answer: { by: member.num, talk: 0 }, cause: result });
    path.step({
      ...src,
      type: "local_exten",
      id: member.num,
      name: member.name,
      num: member.num,
      wait: 0,
      answer: { by: member.num, talk: talk(random, 150) },
      cause: "NCC",
    });
    return member.num;
  }
  path.step({ ...groupBase, wait: result === "NOANSWER" ? 30 : random.int(3, 25), cause: result });
  if (result === "NOANSWER") {
    path.step({
      ...src,
      type: "voicemail",
      id: dir.generalMailbox.id,
      name: dir.generalMailbox.name,
      wait: 0,
      answer: { by: dir.generalMailbox.id, talk: random.int(10, 60) },
      cause: "NCC",
    });
  }
  return "-";
}

function internalCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const from = random.pick(dir.extensions);
  const to = otherExtension(random, dir.extensions, from);
  const path = new CallPath(start);
  ringExtension(context, path, to, from.num, false, 50);
  return {
    source: "local_exten",
    destination: "local_exten",
    caller: from.num,
    called: to.num,
    gatewayName: "",
    accountCode: from.accountCode,
    status: statusOf(path, "FAILED"),
    direction: "local",
    extension: from.num,
    path,
  };
}

function serviceCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const from = random.pick(dir.extensions);
  const service = random.pick(dir.services);
  const path = new CallPath(start);
  path.step({
    type: "service",
    id: service.id,
    name: service.name,
    sourceNum: from.num,
    wait: 0,
    // Services answer at once; nobody in particular answers them.
    answer: { by: "", talk: service.id === "voicemail_check" ? random.int(10, 120) : random.int(2, 6) },
    cause: "NCC",
    accountCode: from.accountCode,
  });
  return {
    source: "local_exten",
    destination: "service",
    caller: from.num,
    called: service.code,
    gatewayName: "",
    accountCode: from.accountCode,
    status: "OK",
    direction: "local",
    extension: from.num,
    path,
  };
}

function conferenceCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const from = random.pick(dir.extensions);
  const path = new CallPath(start);
  path.step({
    type: "conference",
    id: dir.conference.id,
    name: dir.conference.name,
    num: dir.conference.num,
    sourceNum: from.num,
    wait: 0,
    answer: { by: "", talk: logNormal(random, 1200, 0.6, 5400) },
    cause: "NCC",
    accountCode: from.accountCode,
  });
  return {
    source: "local_exten",
    destination: "conference",
    caller: from.num,
    called: dir.conference.num,
    gatewayName: "",
    accountCode: from.accountCode,
    status: "OK",
    direction: "local",
    extension: from.num,
    path,
  };
}

function faxCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const caller = random.pick(dir.contacts);
  const trunk = weighted(random, dir.inTrunks);
  const path = new CallPath(start);
  const ok = random.chance(0.92);
  path.step({
    type: "fax",
    id: dir.fax.id,
    name: dir.fax.name,
    num: dir.faxNumber,
    sourceNum: caller,
    wait: random.int(1, 4),
    answer: { by: "", talk: ok ? random.int(30, 240) : random.int(3, 20) },
    cause: ok ? "NCC" : "CONGESTION",
  });
  return {
    source: "ibl",
    destination: "fax",
    caller,
    called: dir.faxNumber,
    gatewayName: trunk.name,
    accountCode: "",
    status: "OK",
    direction: "in",
    extension: "-",
    path,
  };
}

/** The document's own example: a dialled number with no matching route, no path, zero seconds. */
function unroutableCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const from = random.pick(dir.extensions);
  return {
    source: "local_exten",
    destination: "",
    caller: from.num,
    called: externalNumber(random),
    gatewayName: "",
    accountCode: from.accountCode,
    status: "FAILED",
    direction: "out",
    extension: from.num,
    path: new CallPath(start),
  };
}

/** A call arriving on an inbound line the PBX does not know (status FORBIDDEN, notes §2.7). */
function forbiddenCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  return {
    source: "ibl",
    destination: "",
    caller: externalNumber(random),
    called: dir.mainNumber.slice(0, -3) + digits(random, 3),
    gatewayName: "",
    accountCode: "",
    status: "FORBIDDEN",
    direction: "in",
    extension: "-",
    path: new CallPath(start),
  };
}

/** A call whose outcome the PBX could not determine ("??"). */
function undeterminedCall(context: CallContext): CallShape {
  const { random, dir, start } = context;
  const from = random.pick(dir.extensions);
  const path = new CallPath(start);
  path.time = Math.min(SECONDS_PER_DAY - 1, start + random.int(0, 5));
  return {
    source: "local_exten",
    destination: "",
    caller: from.num,
    called: random.pick(dir.extensions).num,
    gatewayName: "",
    accountCode: from.accountCode,
    status: "??",
    direction: "local",
    extension: from.num,
    path,
  };
}

function buildCall(context: CallContext): CallShape {
  const roll = context.random.next();
  if (roll < 0.4) return outboundCall(context);
  if (roll < 0.75) return inboundCall(context);
  if (roll < 0.93) return internalCall(context);
  if (roll < 0.96) return serviceCall(context);
  if (roll < 0.972) return conferenceCall(context);
  if (roll < 0.985) return faxCall(context);
  if (roll < 0.993) return unroutableCall(context);
  if (roll < 0.998) return forbiddenCall(context);
  return undeterminedCall(context);
}

/** Office hours on working days: 08:30–13:00 and 14:00–18:30. */
function isOfficeHours(second: number): boolean {
  return (second >= 30_600 && second < 46_800) || (second >= 50_400 && second < 66_600);
}

// ---------------------------------------------------------------------------------------------------------
// One day

export interface DayGeneratorOptions extends VolumeOptions {
  directory: Directory;
  /** PBX local time minus UTC, in minutes (CDR times are local, ids are UTC epochs). */
  utcOffsetMinutes: number;
  /** An IANA zone instead of the fixed offset: ids follow its daylight-saving changes. */
  timeZone?: string;
}

/** All calls that start on a day, in start order. A pure function of its arguments. */
export function generateDay(options: DayGeneratorOptions, dayNumber: number): StoredCall[] {
  const count = callCountForDay(options, dayNumber);
  const random = createRandom(hashSeed(options.seed, options.domain, dayNumber, "calls"));
  const { weekday, year, month, day } = partsOfDay(dayNumber);
  const quiet = weekday === 0 || weekday === 6 || isHoliday(dayNumber);
  const starts = Array.from({ length: count }, () => startSecond(random, quiet));
  starts.sort((a, b) => a - b);
  // The Blues id numbers the month's calls in order, counting the earlier days by volume alone.
  let monthPosition = 0;
  for (let earlier = dayNumber - day + 1; earlier < dayNumber; earlier++) {
    monthPosition += callCountForDay(options, earlier);
  }
  const bluesPrefix = `${year}${String(month).padStart(2, "0")}`;
  const dayStartLocal = dayNumber * SECONDS_PER_DAY;
  const datePrefix = `${isoDateOfDay(dayNumber)} `;
  const zone = options.timeZone ? ianaZone(options.timeZone) : fixedOffsetZone(options.utcOffsetMinutes);
  // Asterisk's uniqueid counter: a per-day base, then a few channels per call.
  let sequence = random.int(0, 999);
  const calls: StoredCall[] = [];
  for (const start of starts) {
    sequence += random.int(1, 6);
    monthPosition += 1;
    const shape = buildCall({ random, dir: options.directory, start, open: !quiet && isOfficeHours(start) });
    const { path } = shape;
    const end = path.time;
    const answered = path.answeredAt;
    const startLocal = dayStartLocal + start;
    const startEpoch = zone.utcSecondsOf(startLocal);
    // The hour the clocks skip in spring shows no calls on the PBX.
    if (startEpoch === null) continue;
    calls.push({
      summary: {
        id: `${startEpoch}.${sequence}`,
        source: shape.source,
        start_time: datePrefix + clockTime(start),
        answer_time: answered === null ? "" : datePrefix + clockTime(answered),
        end_time: datePrefix + clockTime(end),
        account_code: shape.accountCode,
        caller: shape.caller,
        gateway_name: shape.gatewayName,
        called: shape.called,
        status: shape.status,
        answered_by: path.answeredBy,
        bill_secs: answered === null ? 0 : end - answered,
        duration: end - start,
        destination: shape.destination,
      },
      details: path.rows,
      startLocal,
      endUtcMs: (startEpoch + (end - start)) * 1000,
      direction: shape.direction,
      extension: shape.extension,
      bluesId: bluesPrefix + String(monthPosition).padStart(8, "0"),
    });
  }
  return calls;
}

// ---------------------------------------------------------------------------------------------------------
// The store: lazily generated days behind a small LRU cache

export interface CdrStoreOptions {
  seed: number;
  callsPerDay: number;
  dailyVariation: boolean;
  utcOffsetMinutes: number;
  /** An IANA zone instead of the fixed offset (see `DayGeneratorOptions`). */
  timeZone?: string;
  /** Days kept in memory; each holds one day's calls of one tenant. */
  cacheDays: number;
}

export class CdrStore {
  private readonly cache = new Map<string, StoredCall[]>();
  private readonly directories = new Map<string, Directory>();
  /** Days generated so far (cache misses), so tests can check laziness. */
  generatedDays = 0;

  constructor(readonly options: CdrStoreOptions) {}

  directory(domain: string): Directory {
    let directory = this.directories.get(domain);
    if (!directory) {
      directory = buildDirectory(this.options.seed, domain);
      this.directories.set(domain, directory);
    }
    return directory;
  }

  private volume(domain: string): VolumeOptions {
    const { seed, callsPerDay, dailyVariation } = this.options;
    return { seed, domain, callsPerDay, dailyVariation };
  }

  /** How many calls a day holds, without generating it. */
  countForDay(domain: string, dayNumber: number): number {
    return callCountForDay(this.volume(domain), dayNumber);
  }

  /** A day's calls (all of them, whether or not they have ended on the simulator clock yet). */
  callsForDay(domain: string, dayNumber: number): StoredCall[] {
    const key = `${domain}\u0000${dayNumber}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const calls = generateDay(
      {
        ...this.volume(domain),
        directory: this.directory(domain),
        utcOffsetMinutes: this.options.utcOffsetMinutes,
        timeZone: this.options.timeZone,
      },
      dayNumber,
    );
    this.generatedDays += 1;
    this.cache.set(key, calls);
    while (this.cache.size > Math.max(1, this.options.cacheDays)) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return calls;
  }

  get cachedDays(): number {
    return this.cache.size;
  }
}
