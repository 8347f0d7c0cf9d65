import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/**
 * Kayako Classic REST signing (kayako-rest-api-signature.txt, kayako-notes §2): every request carries
 * `apikey`, a random `salt` and `signature = base64(HMAC-SHA256(key = secret key, message = salt))` of the
 * raw 32-byte digest. The vendor's own example is base64 of the hex digest and never verifies.
 */
export function kayakoSignature(secretKey: string, salt: string): string {
  return createHmac("sha256", secretKey).update(salt, "utf8").digest("base64");
}

/** Ten random digits, like the vendor's `mt_rand()` salts; any string works. */
export function randomSalt(): string {
  return String(randomBytes(5).readUIntBE(0, 5) % 10_000_000_000).padStart(10, "0");
}

export function signedParams(apiKey: string, secretKey: string, salt: string = randomSalt()) {
  return { apikey: apiKey, salt, signature: kayakoSignature(secretKey, salt) };
}
