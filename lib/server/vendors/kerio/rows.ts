import "server-only";
import { z } from "zod";
import { type TextValue, text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";

/**
 * Kerio's result objects, read at the edge. A field of the wrong type counts as missing (the mapper's
 * default applies); a row without its identity, or a list that is not a list, is a broken answer and says
 * so. Nothing Kerio sends reaches a DTO unchecked, so an appliance that changes a type cannot make the
 * console answer 500 or hand the browser a row it cannot show.
 */

export const optionalText = z.string().optional().catch(undefined);
export const optionalInt = z.int().optional().catch(undefined);
export const optionalFlag = z.boolean().optional().catch(undefined);
export const optionalTexts = z.array(z.string()).optional().catch(undefined);

/** A call's `result` as an object; anything else (null, a string, an array) reads as an empty one. */
export function resultObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The rows of a list member; a missing list is empty, anything else that does not fit is a typed error. */
export function rowsOf<T>(value: unknown, schema: z.ZodType<T>, what: TextValue): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw unexpected(what);
  return value.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw unexpected(what);
    return parsed.data;
  });
}

function unexpected(what: TextValue): VendorError {
  return new VendorError(
    "unexpected_response",
    text`Kerio sent ${what} in a form the console does not know (an entry lacks its id or has fields of another type): check that the appliance runs a supported version.`,
  );
}
