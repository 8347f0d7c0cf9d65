import "server-only";

export type ErrorDetail = { field?: string; message: string };

/**
 * Names an error class for `instanceof` across copies of its module. Next builds each route handler and the
 * start-up code (instrumentation) apart, and objects kept on globalThis (a connection's HTTP client, made by
 * the background runners) cross between those copies: an error one copy throws must still be recognised by
 * another copy's `instanceof`, or a vendor's 502 would become a 500. Each class that is tested with
 * `instanceof` declares its own kind.
 */
export const ERROR_KIND = Symbol.for("operator-console.error-kind");

function hasKind(value: unknown, kind: string): boolean {
  let prototype = value !== null && typeof value === "object" ? Object.getPrototypeOf(value) : null;
  for (; prototype; prototype = Object.getPrototypeOf(prototype)) {
    const owner = prototype.constructor as { [ERROR_KIND]?: string } | undefined;
    if (owner && Object.hasOwn(owner, ERROR_KIND) && owner[ERROR_KIND] === kind) return true;
  }
  return false;
}

/** An error with an HTTP status and a stable code; the route wrapper turns it into the one JSON error shape. */
export class ApiError extends Error {
  static readonly [ERROR_KIND]: string = "ApiError";

  static [Symbol.hasInstance](this: { [ERROR_KIND]?: string }, value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    // Only a class that names its own kind: a subclass without one would otherwise answer for its parent's.
    return Object.hasOwn(this, ERROR_KIND) && hasKind(value, this[ERROR_KIND] as string);
  }

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new ApiError(400, "bad_request", message, details);
export const validationFailed = (message: string, details: ErrorDetail[]) =>
  new ApiError(400, "validation_failed", message, details);
export const unauthenticated = (message = "Sign in or send an API token (Authorization: Bearer <token>).") =>
  new ApiError(401, "unauthenticated", message);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const tokenNotAllowed = (operationId: string) =>
  new ApiError(
    403,
    "token_not_allowed",
    `API tokens cannot call ${operationId}: managing people and API tokens needs a signed-in person, so a leaked token cannot grant more access.`,
  );
export const notFound = (message: string) => new ApiError(404, "not_found", message);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new ApiError(409, "conflict", message, details);
export const payloadTooLarge = (message: string) => new ApiError(413, "payload_too_large", message);
export const unsupportedMediaType = (message: string) => new ApiError(415, "unsupported_media_type", message);
export const unprocessable = (message: string, details?: ErrorDetail[]) =>
  new ApiError(422, "unprocessable", message, details);
