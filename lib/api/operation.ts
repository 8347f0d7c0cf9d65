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
  /**
   * `false` refuses API tokens whatever their role (403 `token_not_allowed`): managing people and tokens needs a
   * signed-in person, so a leaked token cannot mint more access or keep itself alive. Absent: tokens allowed.
   */
  allowTokens?: false;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  /** The success body, for the documentation; `"csv"` for a streamed CSV download. */
  response: z.ZodType | "csv";
  successStatus?: 200 | 201 | 204;
  /** Writes name the audit action; reads are not audited. */
  audit?: { action: string; resource: string };
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
