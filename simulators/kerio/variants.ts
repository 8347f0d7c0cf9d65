/**
 * The behaviours the Kerio documents leave open, each a named switch (issue 14). The defaults are our
 * reading of the notes; every alternative is one a real appliance may equally show, and the console must
 * work under all of them (`app/api/v1/kerio/*.integration.test.ts` loop over them). The README lists each
 * switch with the documented fact it stands on.
 */

/** Switches every product shares (notes §1.2, §1.4, §3). */
export interface KerioTransportVariant {
  /** Body `token`: optional (default; S11/S12/S18 never send it) or required (S20 says Connect needs it). */
  bodyToken: "optional" | "required";
  /** TOKEN_*_WEBADMIN cookie: not checked (default) or required back with every call (S19 sends the pair). */
  tokenCookie: "ignored" | "required";
  /**
   * Kerio's "safety limit (such as 50,000)" even with `limit: -1` (notes §3): at most this many rows per
   * answer, whatever `limit` asks; `totalItems` still counts every match. Default: no cap.
   */
  rowLimit: number;
}

export interface KerioOperatorVariant extends KerioTransportVariant {
  /**
   * The quick-search pseudo-field of Extensions.get / Users.get / Server.getInternalDirectoryList (notes §3):
   * `both` (default) knows SEARCH and QUICKSEARCH with any comparator; `QUICKSEARCH` knows only
   * QUICKSEARCH with the IDL comparators; `SEARCH` knows only SEARCH with `=` (S11, the only Operator
   * evidence). The other spelling answers -32602.
   */
  searchField: "both" | "QUICKSEARCH" | "SEARCH";
  /**
   * Conditions on `lineType` / `parentId` (notes §4.1 lists the fields; no source filters on them):
   * `honoured` (default), `ignored` (dropped: rows come back unfiltered) or `refused` (-32602).
   */
  lineConditions: "honoured" | "ignored" | "refused";
  /**
   * Extensions.create detail (notes §4.2 "which fields are mandatory is unknown"): `partial` (default: only
   * telNum) or `full` (every key of S12's detail: dtmfMode, faxDetect, natSupport, recording flags,
   * secured, ... else -32602).
   */
  createDetail: "partial" | "full";
  /** Extensions.create answer (notes §4.2 [I]): `ids` `{result:{id:{guidGroup,guidLine}}}` (default) or `empty` `{}`. */
  createAnswer: "ids" | "empty";
  /**
   * How Extensions.create refuses (notes §4.2 "whether a result.errors array accompanies it is unknown"):
   * `call` (default: call-level error) or `item` (`{errors:[{inputIndex:0,...}]}` inside a result).
   */
  createRefusal: "call" | "item";
  /** Extensions.getNextValidNumber (notes §4.5 [U]): `present` (default, the getting-started example) or `absent` (-32601). */
  nextValidNumber: "present" | "absent";
}

export interface KerioConnectVariant extends KerioTransportVariant {}

export interface KerioControlVariant extends KerioTransportVariant {
  /**
   * Ids of created entries (notes §6; Kerio's IDL: "assigned by the manager to temporary value until
   * apply() or reset()"): `final` (default: the create answer's id stays) or `temporary` (`tmp-N` until
   * apply, then a different real id).
   */
  createdIds: "final" | "temporary";
  /**
   * IpAddressGroups.set `details` (notes §6 gives the shape, not the semantics): `merge` (default: absent
   * members keep their value), `replace` (absent `description`/`enabled` become ""/false, as a setter
   * taking the whole struct does) or `whole` (-32602 unless groupId, description, type, enabled and the
   * type's value fields are all present).
   */
  setDetails: "merge" | "replace" | "whole";
}

export const DEFAULT_TRANSPORT_VARIANT: KerioTransportVariant = {
  bodyToken: "optional",
  tokenCookie: "ignored",
  rowLimit: Number.POSITIVE_INFINITY,
};

export const DEFAULT_OPERATOR_VARIANT: KerioOperatorVariant = {
  ...DEFAULT_TRANSPORT_VARIANT,
  searchField: "both",
  lineConditions: "honoured",
  createDetail: "partial",
  createAnswer: "ids",
  createRefusal: "call",
  nextValidNumber: "present",
};

export const DEFAULT_CONNECT_VARIANT: KerioConnectVariant = { ...DEFAULT_TRANSPORT_VARIANT };

export const DEFAULT_CONTROL_VARIANT: KerioControlVariant = {
  ...DEFAULT_TRANSPORT_VARIANT,
  createdIds: "final",
  setDetails: "merge",
};

/** The enumerated switches and their values, for the CLI (`--<kebab-name> <value>`) and its help text. */
export const VARIANT_CHOICES = {
  bodyToken: ["optional", "required"],
  tokenCookie: ["ignored", "required"],
  searchField: ["both", "QUICKSEARCH", "SEARCH"],
  lineConditions: ["honoured", "ignored", "refused"],
  createDetail: ["partial", "full"],
  createAnswer: ["ids", "empty"],
  createRefusal: ["call", "item"],
  nextValidNumber: ["present", "absent"],
  createdIds: ["final", "temporary"],
  setDetails: ["merge", "replace", "whole"],
} as const;

export type VariantChoice = keyof typeof VARIANT_CHOICES;

/** `searchField` → `--search-field`. */
export function flagName(choice: VariantChoice | "rowLimit"): string {
  return choice.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** A named set of switches: what the tests run every flow against. */
export interface NamedVariant<V> {
  name: string;
  variant: Partial<V>;
}

/**
 * The test matrices: every value of every switch appears at least once, combined so that few simulators
 * cover them all (the integration tests `describe.each` over these). A row limit below the console's page
 * size makes every read page through short answers.
 */
export const OPERATOR_VARIANT_MATRIX: ReadonlyArray<NamedVariant<KerioOperatorVariant>> = [
  { name: "defaults", variant: {} },
  {
    name: "SEARCH with =, line conditions ignored, full detail, {} answers, per-item refusals, no getNextValidNumber, 200 rows per answer, body token and TOKEN_ cookie required",
    variant: {
      searchField: "SEARCH",
      lineConditions: "ignored",
      createDetail: "full",
      createAnswer: "empty",
      createRefusal: "item",
      nextValidNumber: "absent",
      rowLimit: 200,
      bodyToken: "required",
      tokenCookie: "required",
    },
  },
  {
    name: "QUICKSEARCH only, line conditions refused, full detail, ids with per-item refusals",
    variant: {
      searchField: "QUICKSEARCH",
      lineConditions: "refused",
      createDetail: "full",
      createRefusal: "item",
    },
  },
];

export const CONNECT_VARIANT_MATRIX: ReadonlyArray<NamedVariant<KerioConnectVariant>> = [
  { name: "defaults", variant: {} },
  {
    name: "30 rows per answer, body token and TOKEN_ cookie required",
    variant: { rowLimit: 30, bodyToken: "required", tokenCookie: "required" },
  },
];

export const CONTROL_VARIANT_MATRIX: ReadonlyArray<NamedVariant<KerioControlVariant>> = [
  { name: "defaults", variant: {} },
  {
    name: "temporary ids until apply, set replaces absent members, 7 rows per answer",
    variant: { createdIds: "temporary", setDetails: "replace", rowLimit: 7 },
  },
  {
    name: "temporary ids until apply, set needs the whole entry, body token and TOKEN_ cookie required",
    variant: { createdIds: "temporary", setDetails: "whole", bodyToken: "required", tokenCookie: "required" },
  },
];
