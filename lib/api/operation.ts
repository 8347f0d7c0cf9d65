import type { z } from "zod";
import type { Permission } from "@/lib/permissions";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * One BFF operation: the contract the route handler enforces and the OpenAPI document publishes. Both are
 * built from this one object, so the documentation cannot drift from what the server accepts.
 * `operationId` is public API: never rename one once published.
 */
export interface Operation<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/v1/users/{id}`. */
  path: string;
  summary: string;
  tag: string;
  permission: Permission;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  /** The success body, for the documentation; `"csv"` for a streamed CSV download. */
  response: z.ZodType | "csv";
  successStatus?: 200 | 201 | 204;
  /** Writes name the audit action; reads are not audited. */
  audit?: { action: string; resource: string };
  /**
   * `"people"`: refused to API tokens whatever their role. How a person signs in (password, second factor)
   * is never managed by a script: a leaked token must not be able to remove someone's second factor.
   */
  callers?: "people";
  /**
   * Open to a person who still owes a required account step (a new password, enrolment in two-factor
   * sign-in). Every other operation refuses them until it is done.
   */
  duringAccountSetup?: true;
}

export function defineOperation<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType>(
  operation: Operation<TParams, TQuery, TBody>,
): Operation<TParams, TQuery, TBody> {
  return operation;
}
