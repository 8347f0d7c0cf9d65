import "server-only";
import commonPasswords from "@zxcvbn-ts/language-common/src/passwords.json" with { type: "json" };
import { type Text, text } from "@/lib/i18n/api-messages/text";

/**
 * Password rules after NIST SP 800-63B §3.1.1.2: a minimum length, no composition rules, and a check against
 * passwords known to be common, repetitive or sequential, or made from the context (the account's own email).
 * The common list is the ~49,000-entry list that ships with @zxcvbn-ts/language-common.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set<string>(commonPasswords as string[]);
const CONTEXT_WORDS = ["console", "operator", "kerio", "kiwire", "kalliope", "kayako"];

export type PasswordVerdict = { ok: true } | { ok: false; reason: Text };

function isRepetitive(password: string): boolean {
  // "aaaaaaaaaaaa", "abcabcabcabc": the whole password is one short unit repeated.
  return /^(.{1,4})\1+$/u.test(password);
}

function isSequential(password: string): boolean {
  const codes = [...password].map((c) => c.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((code, i) => code - (codes[i] ?? 0));
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

export function checkPassword(password: string, context: { email?: string } = {}): PasswordVerdict {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return {
      ok: false,
      reason: text`Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`,
    };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { ok: false, reason: text`Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  }
  const lower = password.toLowerCase();
  // "password2024!" is as weak as "password": strip what people append to a common word.
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem))) {
    return {
      ok: false,
      reason: text`This password is on a list of commonly used passwords. Choose another.`,
    };
  }
  if (isRepetitive(lower) || isSequential(lower)) {
    return { ok: false, reason: text`This password is a repeated or sequential pattern. Choose another.` };
  }
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  const contextual = [...CONTEXT_WORDS, ...(localPart && localPart.length >= 4 ? [localPart] : [])];
  if (contextual.some((word) => lower.replace(/[\d\W_]+/gu, "") === word)) {
    return {
      ok: false,
      reason: text`This password is made from your email or the product's name. Choose another.`,
    };
  }
  return { ok: true };
}
