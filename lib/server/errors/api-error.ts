import "server-only";
import { type Message, text } from "@/lib/i18n/api-messages/text";

/** A field's problem; the message is written with `text` (or a schema's `msg`) so it can be shown in Italian. */
export type ErrorDetail = { field?: string; message: Message };

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

/**
 * An error with an HTTP status and a stable code; the route wrapper turns it into the one JSON error shape, in
 * the request's language. `message` is the English (logs and the audit log keep it); `text` is what a person
 * reads, rendered per language.
 */
export class ApiError extends Error {
  static readonly [ERROR_KIND]: string = "ApiError";

  static [Symbol.hasInstance](this: { [ERROR_KIND]?: string }, value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    // Only a class that names its own kind: a subclass without one would otherwise answer for its parent's.
    return Object.hasOwn(this, ERROR_KIND) && hasKind(value, this[ERROR_KIND] as string);
  }

  readonly text: Message;

  constructor(
    readonly status: number,
    readonly code: string,
    message: Message,
    readonly details?: ErrorDetail[],
  ) {
    super(String(message));
    this.name = "ApiError";
    this.text = message;
  }
}

export const badRequest = (message: Message, details?: ErrorDetail[]) =>
  new ApiError(400, "bad_request", message, details);
export const validationFailed = (message: Message, details: ErrorDetail[]) =>
  new ApiError(400, "validation_failed", message, details);
export const unauthenticated = (
  message: Message = text`Sign in or send an API token (Authorization: Bearer <token>).`,
) => new ApiError(401, "unauthenticated", message);
export const forbidden = (message: Message) => new ApiError(403, "forbidden", message);
export const tokenNotAllowed = (operationId: string) =>
  new ApiError(
    403,
    "token_not_allowed",
    text`API tokens cannot call ${operationId}: managing people and API tokens needs a signed-in person, so a leaked token cannot grant more access.`,
  );
export const notFound = (message: Message) => new ApiError(404, "not_found", message);
export const conflict = (message: Message, details?: ErrorDetail[]) =>
  new ApiError(409, "conflict", message, details);
export const payloadTooLarge = (message: Message) => new ApiError(413, "payload_too_large", message);
export const unsupportedMediaType = (message: Message) =>
  new ApiError(415, "unsupported_media_type", message);
export const unprocessable = (message: Message, details?: ErrorDetail[]) =>
  new ApiError(422, "unprocessable", message, details);
