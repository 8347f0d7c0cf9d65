import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * TOTP after RFC 6238 (HOTP of RFC 4226 over 30-second steps), with the parameters every authenticator app
 * assumes: HMAC-SHA-1, 6 digits, 30 s. Written here rather than taken from a package because it is twenty
 * lines and is checked against the RFC's own vectors (totp.test.ts).
 */
export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Clocks drift: a code of the step before or after is accepted too (RFC 6238 §5.2 recommends one step). */
export const ALLOWED_DRIFT_STEPS = 1;

export function stepAt(time: Date): number {
  return Math.floor(time.getTime() / 1000 / STEP_SECONDS);
}

/** The HOTP value of one counter (RFC 4226 §5.3), `digits` long with leading zeros. */
export function hotp(secret: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export function totp(secret: Buffer, time: Date, digits = DIGITS): string {
  return hotp(secret, stepAt(time), digits);
}

/**
 * The step whose code `code` is, within the allowed drift around `time`, or null. The caller refuses a step
 * it has already accepted (replay), so the step is returned rather than a yes/no.
 */
export function matchingStep(secret: Buffer, code: string, time: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = stepAt(time);
  let found: number | null = null;
  // Every candidate is compared, so the time taken does not say which step matched.
  for (let step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code)) && found === null) found = step;
  }
  return found;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding: the form authenticator apps take a secret in. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32[(value << (5 - bits)) & 31];
  return output;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`"${char}" is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** 160 bits, the HMAC-SHA-1 block-friendly length RFC 4226 §4 recommends. */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** The `otpauth://` URI authenticator apps read from the QR code (Google Authenticator's key URI format). */
export function otpauthUri(secret: Buffer, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: "SHA1",
    digits: String(DIGITS),
    period: String(STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
