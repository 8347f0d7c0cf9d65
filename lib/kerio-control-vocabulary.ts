/**
 * Kerio Control address-group words the browser needs (entry types, the steps of a change) as plain data, free
 * of zod so the view can import them without shipping the schema library in its page's first load;
 * `lib/api/kerio-control.ts` builds its schemas from them.
 */

export const ADDRESS_ENTRY_TYPES = [
  "Host",
  "Network",
  "Range",
  "IpPrefix",
  "ChildGroup",
  "ThisMachine",
] as const;
export type AddressEntryType = (typeof ADDRESS_ENTRY_TYPES)[number];

/** The steps of one change, in order; a failure names one of them. */
export const APPLY_STEPS = ["validate", "change", "apply", "getConfigTimestamp", "confirmConfig"] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];
