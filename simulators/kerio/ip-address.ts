import { isIP } from "node:net";

/** IPv4 arithmetic for address-group matching; IPv6 is validated and matched by exact host only. */

export function parseIpv4(text: string): number | undefined {
  if (isIP(text) !== 4) return undefined;
  return text.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

/** A netmask such as 255.255.240.0: ones then zeros. */
export function parseMask(text: string): number | undefined {
  const value = parseIpv4(text);
  if (value === undefined) return undefined;
  const inverted = ~value >>> 0;
  return (inverted & (inverted + 1)) === 0 ? value : undefined;
}

export function prefixMask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

export interface Prefix {
  family: 4 | 6;
  address: string;
  length: number;
}

export function parsePrefix(text: string): Prefix | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const [, address = "", lengthText = ""] = match;
  const family = isIP(address);
  const length = Number(lengthText);
  if (family === 4 && length <= 32) return { family, address, length };
  if (family === 6 && length <= 128) return { family, address, length };
  return undefined;
}

const HOSTNAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A Host entry holds "name, IP or IP prefix" (IDL comment on `host`). */
export function isValidHost(text: string): boolean {
  return isIP(text) !== 0 || HOSTNAME.test(text);
}

export function isLoopback(address: string): boolean {
  if (address === "::1") return true;
  const value = parseIpv4(address);
  return value !== undefined && value >>> 24 === 127;
}

export function inNetwork(address: string, network: string, mask: string): boolean {
  const value = parseIpv4(address);
  const base = parseIpv4(network);
  const bits = parseMask(mask);
  if (value === undefined || base === undefined || bits === undefined) return false;
  return (value & bits) >>> 0 === (base & bits) >>> 0;
}

export function inRange(address: string, from: string, to: string): boolean {
  const value = parseIpv4(address);
  const low = parseIpv4(from);
  const high = parseIpv4(to);
  if (value === undefined || low === undefined || high === undefined) return false;
  return value >= low && value <= high;
}

export function inPrefix(address: string, prefix: string): boolean {
  const parsed = parsePrefix(prefix);
  if (!parsed) return false;
  if (parsed.family === 6)
    return parsed.length === 128 && parsed.address.toLowerCase() === address.toLowerCase();
  const value = parseIpv4(address);
  const base = parseIpv4(parsed.address);
  if (value === undefined || base === undefined) return false;
  const mask = prefixMask(parsed.length);
  return (value & mask) >>> 0 === (base & mask) >>> 0;
}
