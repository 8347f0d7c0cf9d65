import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { localize, localizedJson } from "@/lib/i18n/api-messages/localize";
import { text } from "@/lib/i18n/api-messages/text";
import type { Locale } from "@/lib/i18n/locales";
import { can } from "@/lib/permissions";
import { recordAudit } from "@/lib/server/audit/audit-log";
import { type Actor, resolveActor } from "@/lib/server/auth/actor";
import { localeOf } from "@/lib/server/auth/locale";
import { type Database, database } from "@/lib/server/db/client";
import { ApiError, forbidden, tokenNotAllowed, unauthenticated } from "@/lib/server/errors/api-error";
import type { HasVendorMessage } from "@/lib/server/errors/vendor-error";
import { logger } from "@/lib/server/logging/logger";
import { crossSiteRefusal } from "@/lib/server/security/cross-site";
import { clientAddress, userAgent } from "@/lib/server/web/request-info";
import { accountGateRefusal } from "./account-gate";
import { parseWith, queryObject, readJsonBody } from "./parse-input";
import { logApiRequest } from "./request-log";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** What a handler may add to its audit record beyond what the wrapper knows. */
export interface AuditNote {
  targetConnection?: string;
  targetId?: string;
  /** Replaces the request body as the audited input summary (it is redacted either way). */
  input?: Record<string, unknown>;
}

export interface RouteContext<TParams, TQuery, TBody> {
  actor: Actor;
  db: Database;
  params: TParams;
  query: TQuery;
  body: TBody;
  request: Request;
  requestId: string;
  audit: AuditNote;
  /** The language the answer is read in; a handler that puts a message into its result renders it in this. */
  locale: Locale;
}

type Segment = { params: Promise<Record<string, string | string[]>> };

/**
 * The one error shape; the request id is in the body too, so a person can quote it from what they see. The
 * message and the details are in the person's language; the code is the contract and never changes.
 */
function errorResponse(error: ApiError, requestId: string, locale: Locale): Response {
  const details = error.details?.map((detail) => ({ ...detail, message: localize(detail.message, locale) }));
  return Response.json(
    {
      error: {
        code: error.code,
        message: localize(error.text, locale),
        ...(details && { details }),
        requestId,
      },
    },
    { status: error.status, headers: { "x-request-id": requestId, "cache-control": "no-store" } },
  );
}

/**
 * The one wrapper every BFF route goes through: request id, actor (session or API token), permission, zod
 * parsing of params, query and body, the JSON error shape, and an audit record for every write — allowed,
 * refused or failed. A handler body is then only the intent.
 */
export function route<TParams extends z.ZodType, TQuery extends z.ZodType, TBody extends z.ZodType>(
  operation: Operation<TParams, TQuery, TBody>,
  handler: (context: RouteContext<Infer<TParams>, Infer<TQuery>, Infer<TBody>>) => Promise<unknown>,
) {
  return async (request: Request, segment: Segment): Promise<Response> => {
    const incomingId = request.headers.get("x-request-id");
    const requestId = incomingId && /^[\w.-]{8,64}$/.test(incomingId) ? incomingId : randomUUID();
    const startedAt = performance.now();
    let actor: Actor | null = null;
    let db: Database | null = null;
    const audit: AuditNote = {};
    let parsedBody: unknown;
    let rawParams: Record<string, string | string[]> = {};
    const finish = (response: Response, error?: unknown) => {
      logApiRequest({
        operation,
        requestId,
        actor,
        params: rawParams,
        status: response.status,
        startedAt,
        error,
      });
      return response;
    };

    // A refusal the wrapper recorded is not recorded twice; one the handler made (a rule about the row, such as
    // who may change a shared view) is recorded as denied when it is caught.
    let audited = false;
    const writeAudit = async (result: "success" | "failure" | "denied", error?: unknown) => {
      if (!operation.audit || !db) return;
      audited = true;
      const vendorMessage = (error as HasVendorMessage | undefined)?.vendorMessage;
      try {
        await recordAudit(db, {
          actorId: actor?.id ?? null,
          actorLabel: actor?.label ?? "anonymous",
          actorRole: actor?.role ?? null,
          action: operation.audit.action,
          targetConnection: audit.targetConnection ?? null,
          targetResource: operation.audit.resource,
          targetId: audit.targetId ?? (typeof rawParams.id === "string" ? rawParams.id : null),
          input: audit.input ?? (parsedBody as Record<string, unknown> | undefined) ?? null,
          result,
          vendorError: vendorMessage ?? (error instanceof ApiError ? error.message : null),
          clientAddress: clientAddress(request.headers),
          userAgent: userAgent(request.headers),
          requestId,
        });
      } catch (auditError) {
        // The change itself already happened (or failed); losing its audit row must be loud in the logs.
        logger.error(
          { requestId, operationId: operation.operationId, err: auditError },
          `[audit] could not record ${operation.audit.action}`,
        );
      }
    };

    try {
      db = await database();
      actor = await resolveActor(request.headers);
      if (!actor) throw unauthenticated();
      const crossSite = crossSiteRefusal(request, actor);
      if (crossSite) {
        await writeAudit("denied", crossSite);
        throw crossSite;
      }
      if (actor.kind === "token" && operation.allowTokens === false) {
        const refusal = tokenNotAllowed(operation.operationId);
        await writeAudit("denied", refusal);
        throw refusal;
      }
      if (!can(actor.role, operation.permission)) {
        const refusal = forbidden(
          text`Your role (${actor.role}) does not have the ${operation.permission} permission.`,
        );
        await writeAudit("denied", refusal);
        throw refusal;
      }
      const gate = await accountGateRefusal(operation, actor, db);
      if (gate) {
        await writeAudit("denied", gate);
        throw gate;
      }
      // Routes without dynamic segments get no params object at all.
      rawParams = (await segment?.params) ?? {};
      const params = operation.params ? parseWith(operation.params, rawParams, "path") : undefined;
      const query = operation.query
        ? parseWith(operation.query, queryObject(new URL(request.url)), "query")
        : undefined;
      // Only a body that passed its schema is audited: a refused one may carry a secret under a misspelt key,
      // which redaction by key name would miss.
      const body = operation.body
        ? parseWith(operation.body, await readJsonBody(request), "body")
        : undefined;
      parsedBody = body;

      const locale = localeOf(actor, request.headers.get("accept-language"));
      const result = await handler({
        actor,
        db,
        params: params as Infer<TParams>,
        query: query as Infer<TQuery>,
        body: body as Infer<TBody>,
        request,
        requestId,
        audit,
        locale,
      });
      await writeAudit("success");
      const response =
        result instanceof Response
          ? result
          : operation.successStatus === 204
            ? new Response(null, { status: 204 })
            : new Response(localizedJson(result, locale), {
                status: operation.successStatus ?? 200,
                headers: { "content-type": "application/json" },
              });
      response.headers.set("x-request-id", requestId);
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
      return finish(response);
    } catch (error) {
      // Before the actor is known (or without one) the browser's language answers.
      const locale = localeOf(actor, request.headers.get("accept-language"));
      if (error instanceof ApiError) {
        if (actor && !audited) await writeAudit(error.status === 403 ? "denied" : "failure", error);
        return finish(errorResponse(error, requestId, locale), error);
      }
      if (request.signal.aborted) {
        // The client hung up (a closed tab, a cancelled download): no fault of the console and nobody to answer,
        // but a write cut short is still on the record.
        const closed = new ApiError(499, "client_closed", text`The client closed the request.`);
        if (actor) await writeAudit("failure", closed);
        return finish(errorResponse(closed, requestId, locale));
      }
      // Unexpected: logged (in the request's line, with its cause chain) for the admin, answered without
      // internals for the client.
      const unexpected = new ApiError(
        500,
        "internal_error",
        // The id in the message too: toasts and scripts that show only the message still carry it.
        text`Something went wrong on the console's side. Quote request id ${requestId} to your admin.`,
      );
      if (actor) await writeAudit("failure", unexpected);
      return finish(errorResponse(unexpected, requestId, locale), error);
    }
  };
}
