import { createHash } from "node:crypto";

/** Lower-case hex MD5 of the UTF-8 bytes, as PHP's `md5()` returns it (notes D13). */
export function md5(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** The `code` field of `api_login.php`: `md5(username|password)` with a literal pipe (doc, K7). */
export function kiwireLoginCode(username: string, password: string): string {
  return md5(`${username}|${password}`);
}

/** The `api_key` field of every module call: `md5(real_api_key + token + time)`, `time` exactly as sent. */
export function kiwireApiKey(realApiKey: string, token: string, time: string): string {
  return md5(`${realApiKey}${token}${time}`);
}
