import "server-only";

export type ErrorDetail = { field?: string; message: string };

/** An error with an HTTP status and a stable code; the route wrapper turns it into the one JSON error shape. */
export class ApiError extends Error {
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
