import type { z } from "zod";
import type { Permission } from "@/lib/permissions";
import { type HttpMethod, type OperationId, ROUTES } from "./routes";

/**
 * One BFF operation: the contract the route handler enforces and the OpenAPI document publishes. Both are
 * built from this one object, so the documentation cannot drift from what the server accepts.
 * `operationId` is public API: never rename one once published; its method and path are in `ROUTES`.
 */
export interface Operation<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
> {
  operationId: string;
  /** From `ROUTES`, like the path. */
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

/** An operation as written in `lib/api/*`: everything but its method and path, which `ROUTES` holds. */
export type OperationDefinition = Omit<Operation, "operationId" | "method" | "path"> & {
  operationId: OperationId;
};

/**
 * Completes a definition with its method and path. The result keeps the definition's exact type (which schemas
 * it has, and which it has not), so the browser's typed client can derive each operation's input and answer.
 */
export function defineOperation<const TDefinition extends OperationDefinition>(
  definition: TDefinition,
): TDefinition & (typeof ROUTES)[TDefinition["operationId"]] {
  // TypeScript cannot index the routes by a generic key and keep the pairing; the spread is that pairing.
  return { ...definition, ...ROUTES[definition.operationId] } as TDefinition &
    (typeof ROUTES)[TDefinition["operationId"]];
}
