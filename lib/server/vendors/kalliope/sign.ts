import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * KalliopePBX v4 `X-authenticate` (kalliope-notes §1.1–§1.3, the vendor's CDR API document):
 *   digestPassword = hex(sha256(password + "{" + salt + "}"))   — the braces are part of the string
 *   Digest = base64(sha256_binary(Nonce + digestPassword + Username + Domain + Created))
 * A new nonce and Created per request: the PBX refuses a header it has seen, and one whose Created is more
 * than 5 minutes from its own clock.
 */

export function digestPassword(password: string, salt: string): string {
  return createHash("sha256").update(`${password}{${salt}}`, "utf8").digest("hex");
}

/** `YYYY-MM-DDThh:mm:ssZ`, UTC, without milliseconds (the validation regex allows none). */
export function createdAt(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** 32 lower-case hex characters, like the vendor's PHP client (md5-shaped); the PBX needs at least 8. */
export function randomNonce(): string {
  return randomBytes(16).toString("hex");
}

export interface XAuthenticateInput {
  username: string;
  domain: string;
  digestPassword: string;
  nonce: string;
  created: string;
}

export function xAuthenticateDigest(input: XAuthenticateInput): string {
  return createHash("sha256")
    .update(`${input.nonce}${input.digestPassword}${input.username}${input.domain}${input.created}`, "utf8")
    .digest("base64");
}

/** The header value, parameters in the fixed order the vendor's regex expects (§1.5). */
export function xAuthenticate(input: XAuthenticateInput): string {
  return `RestApiUsernameToken Username="${input.username}", Domain="${input.domain}", Digest="${xAuthenticateDigest(input)}", Nonce="${input.nonce}", Created="${input.created}"`;
}
