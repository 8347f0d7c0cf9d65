import { invalidParams } from "./rpc-errors";

/**
 * Typed readers for JSON-RPC params. Kerio's server deserialises params against its IDL types, so a member
 * of the wrong type (or `null` where the IDL has a struct or list, notes §3) fails the whole call with -32602.
 */

export type Params = Record<string, unknown>;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw invalidParams();
  return value;
}

export function requireString(params: Params, key: string): string {
  const value = params[key];
  if (typeof value !== "string") throw invalidParams();
  return value;
}

export function optionalString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidParams();
  return value;
}

export function optionalBoolean(params: Params, key: string): boolean | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw invalidParams();
  return value;
}

export function optionalInteger(params: Params, key: string): number | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalidParams();
  return value;
}

export function requireInteger(params: Params, key: string): number {
  const value = optionalInteger(params, key);
  if (value === undefined) throw invalidParams();
  return value;
}

export function requireArray(params: Params, key: string): unknown[] {
  const value = params[key];
  if (!Array.isArray(value)) throw invalidParams();
  return value;
}

export function requireIntegerList(params: Params, key: string): number[] {
  return requireArray(params, key).map((item) => {
    if (typeof item !== "number" || !Number.isInteger(item)) throw invalidParams();
    return item;
  });
}

export function requireStringList(params: Params, key: string): string[] {
  return requireArray(params, key).map((item) => {
    if (typeof item !== "string") throw invalidParams();
    return item;
  });
}

/** Methods without parameters accept no params, `{}` or `[]` (PHP's `json_encode(array())`). */
export function requireNoParams(params: Params): void {
  if (Object.keys(params).length > 0) throw invalidParams();
}
