import type { KiwireProtocolConfig } from "./protocol";
import type { KiwireSimulatorOptions } from "./simulator";

/**
 * A list that names every member of the union `T`, checked when compiled: a value added to a switch's type in
 * protocol.ts but left out here does not type-check, so the CLI and the test matrix cannot silently miss it.
 */
function everyValueOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never),
  ) => list;
}

type Values<K extends keyof KiwireProtocolConfig> = KiwireProtocolConfig[K] & string;

/**
 * The switches of README "Switches" that take one of a few words, with every word each takes: the CLI
 * (`--<kebab-name> <value>`) reads its flags against them, and `KIWIRE_VARIANTS` must use each value once at least.
 * `maxListLimit` (a number or none) and `nasZoneColumn` (on or off) are the two switches outside this list.
 */
export const KIWIRE_SWITCH_VALUES = {
  voucherCreateData: everyValueOf<Values<"voucherCreateData">>()(["records", "codes", "none"]),
  forgottenToken: everyValueOf<Values<"forgottenToken">>()(["login-expired", "permission-denied"]),
  userCreateStatus: everyValueOf<Values<"userCreateStatus">>()(["documented", "v2", "yn", "any"]),
  timeFormat: everyValueOf<Values<"timeFormat">>()(["YmdHis", "Y-m-d H:i:s", "either"]),
  listTotal: everyValueOf<Values<"listTotal">>()(["none", "rows", "table"]),
  singleGet: everyValueOf<Values<"singleGet">>()(["array", "object"]),
  getMiss: everyValueOf<Values<"getMiss">>()(["empty", "error"]),
  refusalStatus: everyValueOf<Values<"refusalStatus">>()(["200", "by-cause"]),
  statusVocabulary: everyValueOf<Values<"statusVocabulary">>()(["v2", "v3"]),
  envelope: everyValueOf<Values<"envelope">>()(["per-endpoint", "result_msg", "result_message"]),
  isSuccess: everyValueOf<Values<"isSuccess">>()(["per-endpoint", "boolean", "string"]),
  signing: everyValueOf<Values<"signing">>()(["md5", "raw", "either"]),
  voucherDelete: everyValueOf<Values<"voucherDelete">>()(["expire", "erase"]),
} as const;

export type KiwireSwitch = keyof typeof KIWIRE_SWITCH_VALUES;

/** `voucherCreateData` → `voucher-create-data`. */
export function switchFlag(name: KiwireSwitch): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export interface KiwireVariant {
  name: string;
  options: KiwireSimulatorOptions;
  /**
   * The appliance restarts (and forgets every token) before each flow's first call and before each write:
   * `forgottenToken` only shows then.
   */
  restarts?: boolean;
}

/**
 * Appliances that answer differently wherever the documents leave the answer open (README "Switches"): the
 * console's Kiwire flows run once against each (`app/api/v1/kiwire/kiwire-variants.integration.test.ts`), so a
 * guess of ours cannot hide behind a simulator that guessed alike. Together they take every value of every
 * switch (`variants.test.ts` checks it); values are combined so that few appliances cover them all, since each
 * one costs the suite several seconds.
 */
export const KIWIRE_VARIANTS: readonly KiwireVariant[] = [
  { name: "the simulator's defaults", options: {} },
  {
    name: "voucher/create answers bare codes, a deleted voucher is erased",
    options: { voucherCreateData: "codes", voucherDelete: "erase" },
  },
  {
    name: "voucher/create answers no ret_data, appliance at UTC+14",
    options: { voucherCreateData: "none", timeZone: "Pacific/Kiritimati" },
  },
  { name: "limit capped at 200 (the documented default)", options: { maxListLimit: 200 } },
  {
    name: "limit capped at 37, the general envelope everywhere (result_msg, boolean is_success)",
    options: { maxListLimit: 37, envelope: "result_msg", isSuccess: "boolean" },
  },
  {
    name: "restarts; a forgotten token is 'permission denied'",
    options: { forgottenToken: "permission-denied" },
    restarts: true,
  },
  { name: "restarts; a forgotten token is 'login expired'", options: {}, restarts: true },
  {
    name: "user/create takes v2 status codes only, the raw API key without time signs",
    options: { userCreateStatus: "v2", signing: "raw" },
  },
  {
    name: "user/create takes y/n status only, time signed only as Y-m-d H:i:s",
    options: { userCreateStatus: "yn", timeFormat: "Y-m-d H:i:s" },
  },
  { name: "NAS rows without a zone column", options: { nasZoneColumn: false } },
  { name: "a total counting the whole kiwire_user table", options: { listTotal: "table" } },
  {
    name: "single get as an object, a miss as an error, v3 words, example envelope",
    options: {
      singleGet: "object",
      getMiss: "error",
      statusVocabulary: "v3",
      envelope: "result_message",
      isSuccess: "string",
    },
  },
  {
    name: "all of the odd readings at once",
    options: {
      voucherCreateData: "none",
      maxListLimit: 37,
      forgottenToken: "permission-denied",
      userCreateStatus: "any",
      nasZoneColumn: false,
      listTotal: "rows",
      singleGet: "object",
      getMiss: "error",
      refusalStatus: "by-cause",
      signing: "either",
      timeFormat: "either",
      voucherDelete: "erase",
      // Records then carry `password` and `secret`: the console must pass neither on.
      includeSecrets: true,
      timeZone: "America/Los_Angeles",
    },
    restarts: true,
  },
];
