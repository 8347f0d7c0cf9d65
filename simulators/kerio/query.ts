import { isObject } from "./params";
import { invalidParams } from "./rpc-errors";

/**
 * Kerio's `SearchQuery` (protocol notes §3): fields, conditions, combining, orderBy, start, limit.
 * KWF semantics as documented in the IDL: matching and sorting are case-insensitive unless a sort asks
 * otherwise, `Like` is a substring match, `limit: -1` means no limit, `totalItems` counts before paging.
 */

export type Scalar = string | number | boolean | null;

export type Comparator = "Eq" | "NotEq" | "LessThan" | "GreaterThan" | "LessEq" | "GreaterEq" | "Like";

const COMPARATORS: readonly Comparator[] = [
  "Eq",
  "NotEq",
  "LessThan",
  "GreaterThan",
  "LessEq",
  "GreaterEq",
  "Like",
];

export interface QuerySchema<Row> {
  /** Column name as clients write it → value. Aliases (e.g. `telNum` and `TEL_NUM`) map to the same getter. */
  columns: Readonly<Record<string, (row: Row) => Scalar>>;
  /**
   * Pseudo-fields (`QUICKSEARCH`, Operator's `SEARCH`) and the columns they expand to; `comparators`, when
   * given, are the only ones a pseudo-field accepts (an Operator that knows SEARCH only with `=`).
   */
  quickSearch?: {
    names: readonly string[];
    columns: readonly string[];
    comparators?: readonly (Comparator | "=")[];
  };
  /**
   * Operator code filters with the non-standard comparator `=` (notes §3, S11). Accepted only where this is
   * set: on a quick-search pseudo-field it matches substrings (what the admin UI's search box does), on a
   * plain column it is `Eq`.
   */
  acceptEqualsSign?: boolean;
}

interface Condition {
  fieldName: string;
  comparator: Comparator | "=";
  value: string;
}

interface SortOrder {
  columnName: string;
  direction: "Asc" | "Desc";
  caseSensitive: boolean;
}

export interface SearchQuery {
  fields: string[];
  conditions: Condition[];
  combining: "And" | "Or";
  orderBy: SortOrder[];
  start: number;
  limit: number;
}

function optionalList(query: Record<string, unknown>, key: string): unknown[] {
  const value = query[key];
  if (value === undefined) return [];
  // `null` members are refused: the typed clients send `[]` precisely because `null` fails (notes §3).
  if (!Array.isArray(value)) throw invalidParams();
  return value;
}

function optionalInt(query: Record<string, unknown>, key: string, fallback: number, min: number): number {
  const value = query[key];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) throw invalidParams();
  return value;
}

/** Validates a raw `query` member against the schema; unknown columns in conditions or orderBy fail (-32602). */
export function parseQuery<Row>(raw: unknown, schema: QuerySchema<Row>): SearchQuery {
  if (!isObject(raw)) throw invalidParams();
  const quickNames = schema.quickSearch?.names ?? [];
  const fields = optionalList(raw, "fields").map((field) => {
    if (typeof field !== "string") throw invalidParams();
    return field;
  });
  const conditions = optionalList(raw, "conditions").map((item): Condition => {
    if (!isObject(item)) throw invalidParams();
    const { fieldName, comparator, value } = item;
    if (typeof fieldName !== "string" || typeof comparator !== "string" || typeof value !== "string") {
      throw invalidParams();
    }
    const quick = quickNames.includes(fieldName);
    if (!(fieldName in schema.columns) && !quick) throw invalidParams();
    const allowed = schema.quickSearch?.comparators;
    if (quick && allowed && !allowed.includes(comparator as Comparator | "=")) throw invalidParams();
    if (comparator === "=" && schema.acceptEqualsSign) return { fieldName, comparator, value };
    if (!COMPARATORS.includes(comparator as Comparator)) throw invalidParams();
    return { fieldName, comparator: comparator as Comparator, value };
  });
  const combining = raw.combining ?? "And";
  if (combining !== "And" && combining !== "Or") throw invalidParams();
  const orderBy = optionalList(raw, "orderBy").map((item): SortOrder => {
    if (!isObject(item)) throw invalidParams();
    const { columnName, direction, caseSensitive } = item;
    if (typeof columnName !== "string" || !(columnName in schema.columns)) throw invalidParams();
    if (direction !== "Asc" && direction !== "Desc") throw invalidParams();
    if (caseSensitive !== undefined && typeof caseSensitive !== "boolean") throw invalidParams();
    return { columnName, direction, caseSensitive: caseSensitive ?? false };
  });
  return {
    fields,
    conditions,
    combining,
    orderBy,
    start: optionalInt(raw, "start", 0, 0),
    limit: optionalInt(raw, "limit", -1, -1),
  };
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function asText(value: Scalar): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

function asBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  return undefined;
}

/** Negative, zero or positive like a sort comparator; numbers numerically, text case-insensitively. */
function compareForCondition(column: Scalar, value: string): number {
  if (typeof column === "boolean") {
    const wanted = asBoolean(value);
    if (wanted === undefined) return Number.NaN;
    return Number(column) - Number(wanted);
  }
  const text = asText(column);
  if (NUMERIC.test(text) && NUMERIC.test(value)) return Number(text) - Number(value);
  const left = text.toLowerCase();
  const right = value.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

function likePattern(value: string): RegExp {
  // `%` is the IDL's wildcard; `*` appears in the QUICKSEARCH documentation example, so both are accepted.
  const escaped = value.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/[%*]/g, ".*");
  return new RegExp(escaped, "i");
}

function test(column: Scalar, comparator: Comparator, value: string, like: RegExp | undefined): boolean {
  if (comparator === "Like") return (like ?? likePattern(value)).test(asText(column));
  const order = compareForCondition(column, value);
  if (Number.isNaN(order)) return comparator === "NotEq";
  switch (comparator) {
    case "Eq":
      return order === 0;
    case "NotEq":
      return order !== 0;
    case "LessThan":
      return order < 0;
    case "GreaterThan":
      return order > 0;
    case "LessEq":
      return order <= 0;
    case "GreaterEq":
      return order >= 0;
  }
}

function compileCondition<Row>(condition: Condition, schema: QuerySchema<Row>): (row: Row) => boolean {
  const quick = schema.quickSearch;
  const like = likePattern(condition.value);
  if (quick?.names.includes(condition.fieldName)) {
    const getters = quick.columns.map((name) => {
      const getter = schema.columns[name];
      if (!getter) throw new Error(`quick-search column ${name} is not in the schema`);
      return getter;
    });
    // IDL (SearchQuery): QUICKSEARCH = x → any column = x; LIKE → any column like x; <> → every column <> x.
    const comparator: Comparator = condition.comparator === "=" ? "Like" : condition.comparator;
    if (comparator === "NotEq")
      return (row) => getters.every((get) => test(get(row), "NotEq", condition.value, like));
    if (comparator !== "Eq" && comparator !== "Like") throw invalidParams();
    return (row) => getters.some((get) => test(get(row), comparator, condition.value, like));
  }
  const getter = schema.columns[condition.fieldName];
  if (!getter) throw invalidParams();
  const comparator: Comparator = condition.comparator === "=" ? "Eq" : condition.comparator;
  return (row) => test(getter(row), comparator, condition.value, like);
}

const collatorInsensitive = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const collatorSensitive = new Intl.Collator("en", {
  numeric: true,
  sensitivity: "variant",
  caseFirst: "upper",
});

function compareForSort(a: Scalar, b: Scalar, caseSensitive: boolean): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return (caseSensitive ? collatorSensitive : collatorInsensitive).compare(asText(a), asText(b));
}

export interface QueryResult<Row> {
  page: Row[];
  /** Matching rows before start/limit are applied (IDL: "count of all ... before the start/limit applied"). */
  totalItems: number;
}

/**
 * `rowLimit` is the appliance's own cap per answer (notes §3 "safety limit", a variant): it shortens the page
 * whatever `limit` asked, while `totalItems` still counts every match.
 */
export function runQuery<Row>(
  rows: readonly Row[],
  query: SearchQuery,
  schema: QuerySchema<Row>,
  rowLimit = Number.POSITIVE_INFINITY,
): QueryResult<Row> {
  let matched: Row[];
  if (query.conditions.length === 0) {
    matched = [...rows];
  } else {
    const tests = query.conditions.map((condition) => compileCondition(condition, schema));
    matched =
      query.combining === "And"
        ? rows.filter((row) => tests.every((check) => check(row)))
        : rows.filter((row) => tests.some((check) => check(row)));
  }
  if (query.orderBy.length > 0) {
    const keys = query.orderBy.map((order) => {
      const getter = schema.columns[order.columnName];
      if (!getter) throw invalidParams();
      return { getter, sign: order.direction === "Desc" ? -1 : 1, caseSensitive: order.caseSensitive };
    });
    // Array.prototype.sort is stable, so rows that tie keep their store order (by id): paging is repeatable.
    matched.sort((left, right) => {
      for (const key of keys) {
        const order = compareForSort(key.getter(left), key.getter(right), key.caseSensitive);
        if (order !== 0) return key.sign * order;
      }
      return 0;
    });
  }
  const limit = Math.min(query.limit === -1 ? Number.POSITIVE_INFINITY : query.limit, rowLimit);
  const end = Number.isFinite(limit) ? query.start + limit : undefined;
  return { page: matched.slice(query.start, end), totalItems: matched.length };
}

/** Applies `fields`: empty means every field; names the row does not have are skipped, not refused. */
export function projectFields<T extends object>(item: T, fields: readonly string[]): Partial<T> {
  if (fields.length === 0) return item;
  const picked: Partial<T> = {};
  for (const field of fields) {
    if (field in item) {
      const key = field as keyof T;
      picked[key] = item[key];
    }
  }
  return picked;
}
