import type { z } from "zod";
import type { OPERATIONS } from "@/lib/api/operations";
import { type OperationId, ROUTES } from "@/lib/api/routes";
import { apiFetch } from "./api-fetch";

/**
 * The browser's one way to call the BFF: `callOperation("listExtensions", { params, query })`. Inputs and the
 * answer are typed from the operation's own zod schemas, but only as types: the request is built from `ROUTES`,
 * so a page that calls the API does not load the schemas (a form that validates in the browser loads them on
 * purpose, with its dialog).
 */

type OperationsById = { [O in (typeof OPERATIONS)[number] as O["operationId"]]: O };
type OperationNamed<K extends OperationId> = OperationsById[K];

/**
 * Query values as the caller holds them: a field the schema coerces from the query string (`z.coerce.number()`,
 * whose input type is `unknown`) is given as what it becomes.
 */
type QueryValues<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K]
    ? K extends keyof z.output<S>
      ? z.output<S>[K]
      : never
    : z.input<S>[K];
};

type ParamsPart<O> = O extends { params: infer S extends z.ZodType }
  ? { params: z.input<S> }
  : { params?: never };
type QueryPart<O> = O extends { query: infer S extends z.ZodType }
  ? Record<string, never> extends QueryValues<S>
    ? { query?: QueryValues<S> }
    : { query: QueryValues<S> }
  : { query?: never };
type BodyPart<O> = O extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : { body?: never };

export type OperationInput<K extends OperationId> = ParamsPart<OperationNamed<K>> &
  QueryPart<OperationNamed<K>> &
  BodyPart<OperationNamed<K>>;

/** The query an operation takes, e.g. a list's page, sort and filters: what a list view keeps in its URL. */
export type OperationQuery<K extends OperationId> = NonNullable<OperationInput<K>["query"]>;

export type OperationResult<K extends OperationId> =
  OperationNamed<K> extends { response: infer S extends z.ZodType } ? z.output<S> : never;

/** Operations that answer JSON; a CSV download is a link (`operationUrl`), not a fetch. */
export type JsonOperationId = {
  [K in OperationId]: OperationNamed<K> extends { response: "csv" } ? never : K;
}[OperationId];

type Scalar = string | number | boolean;

type UrlInput<K extends OperationId> = Pick<OperationInput<K>, "params" | "query">;
type UrlArguments<K extends OperationId> =
  Record<string, never> extends UrlInput<K> ? [input?: UrlInput<K>] : [input: UrlInput<K>];

/**
 * The operation's URL: path parameters filled in and encoded; an absent or empty query value is left out, which
 * every list reads as "no filter".
 */
export function operationUrl<K extends OperationId>(operationId: K, ...[input]: UrlArguments<K>): string {
  const params = (input?.params ?? {}) as Record<string, Scalar>;
  const path = ROUTES[operationId].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    // A programming error, not a person's: the types require every path parameter.
    if (value === undefined || value === "")
      throw new Error(`${operationId}: path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(
    (input?.query ?? {}) as Record<string, Scalar | null | undefined>,
  )) {
    if (value !== undefined && value !== null && value !== "") search.append(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

interface CallOptions {
  signal?: AbortSignal;
}

/** An operation without params, query or body may be called with its id alone. */
type CallArguments<K extends OperationId> =
  Record<string, never> extends OperationInput<K>
    ? [input?: OperationInput<K>, options?: CallOptions]
    : [input: OperationInput<K>, options?: CallOptions];

export function callOperation<K extends JsonOperationId>(
  operationId: K,
  ...[input, options]: CallArguments<K>
): Promise<OperationResult<K>> {
  const url = operationUrl<OperationId>(operationId, input as UrlInput<OperationId>);
  return apiFetch<OperationResult<K>>(url, {
    method: ROUTES[operationId].method,
    body: input?.body,
    signal: options?.signal,
  });
}
