import "server-only";
import type { Operation } from "@/lib/api/operation";
import type { Actor } from "@/lib/server/auth/actor";
import { ApiError } from "@/lib/server/errors/api-error";
import { logger } from "@/lib/server/logging/logger";

export interface ApiRequestOutcome {
  operation: Operation;
  requestId: string;
  actor: Actor | null;
  /** The path segments as the router gave them, before validation. */
  params: Record<string, string | string[]>;
  status: number;
  startedAt: number;
  /** What made the answer an error, logged with its cause chain when the console or a vendor is at fault. */
  error?: unknown;
}

/** The connection a request concerns: vendor routes name it `connectionId`, the connections routes `id`. */
function connectionOf(operation: Operation, params: Record<string, string | string[]>): string | undefined {
  const id =
    params.connectionId ?? (operation.path.startsWith("/api/v1/connections/{id}") ? params.id : undefined);
  // Not yet validated: bound it, so a hostile path cannot make a long log line.
  return typeof id === "string" ? id.slice(0, 100) : undefined;
}

/**
 * One JSON line per API request: enough to find it again (request id, operation, connection, status, time)
 * and the kind of caller by role, never by email or token; never what was sent.
 */
export function logApiRequest({
  operation,
  requestId,
  actor,
  params,
  status,
  startedAt,
  error,
}: ApiRequestOutcome) {
  const connectionId = connectionOf(operation, params);
  const fields = {
    requestId,
    operationId: operation.operationId,
    method: operation.method,
    ...(connectionId !== undefined && { connectionId }),
    actor: actor ? { kind: actor.kind, role: actor.role } : null,
    status,
    ...(error instanceof ApiError && { code: error.code }),
    durationMs: Math.round(performance.now() - startedAt),
    // 4xx errors are the caller's, fully said by their code; 5xx need the cause chain to be acted on.
    ...(status >= 500 && error !== undefined && { err: error }),
  };
  // 500 is the console's own fault; 502/503/504 are a vendor's, which the admin fixes elsewhere.
  const level = status === 500 ? "error" : status > 500 ? "warn" : "info";
  logger[level](fields, "api request");
}
