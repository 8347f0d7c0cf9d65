import { ApiRequestError } from "./api-fetch";

/**
 * TanStack Query's retry rule for the console's reads. The BFF already retries idempotent vendor reads with
 * backoff (`lib/server/http/client.ts`), so an answer from the BFF, even a 502 or 504, is final: retrying it
 * in the browser would multiply the requests the failing appliance gets (3 × 3) and keep the person looking
 * at a spinner for an error that is already known. Only a failure to reach the console itself (a network
 * error, no answer at all) is tried once more.
 */
export function retryReads(failureCount: number, error: Error): boolean {
  return !(error instanceof ApiRequestError) && failureCount < 1;
}
