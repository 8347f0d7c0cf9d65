import { createHmac, timingSafeEqual } from "node:crypto";
import { phpEmpty, phpTrim } from "./php";

/**
 * Kayako REST signatures (notes §2): base64 of the raw 32-byte HMAC-SHA256 of the salt, keyed with the
 * secret. The vendor's own example signature is base64 of the hex digest (88 characters) and never
 * verifies; this is the rule the server applies.
 */
export function kayakoSignature(secretKey: string, salt: string): string {
  return createHmac("sha256", secretKey).update(salt, "utf8").digest("base64");
}

export type AuthOutcome = "ok" | "no-salt" | "failed";

export interface AuthParams {
  apikey: string | undefined;
  salt: string | undefined;
  signature: string | undefined;
}

/**
 * `Controller_api::__construct` + `SWIFT_RESTManager::Authenticate`: an empty salt ("" or "0") is refused
 * first; then the trimmed apikey must equal the configured key and the signature, after spaces are turned
 * back into `+` (an unencoded `+` in a query string arrives as a space) and trimming, must equal the
 * computed one. There is no timestamp or nonce, so a (salt, signature) pair may be replayed forever.
 */
export function authenticate(params: AuthParams, apiKey: string, secretKey: string): AuthOutcome {
  if (phpEmpty(params.salt) || params.salt === undefined) return "no-salt";
  const incomingKey = phpTrim(params.apikey ?? "");
  if (phpEmpty(incomingKey) || incomingKey !== apiKey || phpTrim(apiKey) === "") return "failed";
  const signature = phpTrim((params.signature ?? "").replace(/ /g, "+"));
  if (phpEmpty(signature)) return "failed";
  const expected = Buffer.from(kayakoSignature(secretKey, params.salt));
  const received = Buffer.from(signature);
  return expected.length === received.length && timingSafeEqual(expected, received) ? "ok" : "failed";
}
