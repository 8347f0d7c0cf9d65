import "server-only";
import { createHash } from "node:crypto";
import type { KiwireTimeFormat } from "@/lib/connection-kinds";
import { wallClockAt } from "@/lib/server/time/wall-clock";

/**
 * Kiwire 2.0 request signing (kiwire-2-api.txt, kiwire-notes D1, D5, D13). Lower-case hex MD5 of the UTF-8
 * bytes, as PHP's md5() returns it.
 */
export function md5(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** `code` of api_login.php: md5("username|password") with a literal pipe. */
export function kiwireLoginCode(username: string, password: string): string {
  return md5(`${username}|${password}`);
}

/** `api_key` of every module call: md5(real API key + token + time), `time` exactly as sent. */
export function kiwireApiKey(realApiKey: string, token: string, time: string): string {
  return md5(`${realApiKey}${token}${time}`);
}

/**
 * The signed `time`: the appliance's wall-clock time in its own zone (Kiwire never uses UTC on the wire),
 * spelt `YmdHis` (the document's rule) or `Y-m-d H:i:s` (its history table's spelling).
 */
export function kiwireTime(atMs: number, timeZone: string, format: KiwireTimeFormat): string {
  const { year, month, day, hour, minute, second } = wallClockAt(atMs, timeZone);
  return format === "YmdHis"
    ? `${year}${month}${day}${hour}${minute}${second}`
    : `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}
