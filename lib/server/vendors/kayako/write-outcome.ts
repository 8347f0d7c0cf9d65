import "server-only";
import { VendorError } from "@/lib/server/errors/vendor-error";

/**
 * Whether a write that failed may have been carried out all the same. Kayako's own refusals (400 with a
 * reason, 404 for an unknown ticket, 401/403 before the controller runs) prove nothing ran. Anything else may
 * come after the change was saved: an answer lost on the way back or timed out, an HTTP 500, or PHP's
 * uncaught-exception page (HTTP 200) thrown by, say, the mailer after the post was stored.
 */
export function mayHaveRun(error: unknown): error is VendorError {
  if (!(error instanceof VendorError)) return false;
  if (error.outcome === "timeout" || error.outcome === "unreachable") return true;
  // The client maps Kayako's 400 refusals to 422 (its words: "Staff ID is Invalid", ...).
  return error.outcome === "unexpected_response" && error.status !== 422;
}

/** A write's answer, or the error that leaves its outcome open; errors that prove nothing ran are thrown. */
export function keepIfMayHaveRun(error: unknown): VendorError {
  if (mayHaveRun(error)) return error;
  throw error;
}

/** A read-back that fails leaves the write's own error standing: it already says what may have happened. */
export async function readBack<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch {
    return null;
  }
}
