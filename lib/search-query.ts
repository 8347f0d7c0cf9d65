import type { SearchKind } from "./search-vocabulary";

/**
 * What a typed query can mean, per kind: the search asks each appliance only what its API can answer for
 * that text, and the palette says what it searched. Isomorphic and zod-free (the palette shows the same words).
 */
export interface SearchIntent {
  kind: SearchKind;
  /** The value sent to the appliance, normalised (a mask in capitals, trimmed text). */
  value: string;
  /** What is searched, for the palette: "numbers containing 20", "ticket ABC-123-45678". */
  searched: string;
}

/** Kerio Operator numbers are 1–10 digits (lib/api/kerio-extensions.ts). */
const EXTENSION_NUMBER = /^[0-9]{1,10}$/;
/** Kayako's numeric ticket id, or the display mask people quote: three letters, 3 and 5 digits. */
const TICKET_ID = /^[0-9]{1,9}$/;
const TICKET_MASK = /^[A-Za-z]{3}-[0-9]{3}-[0-9]{5}$/;
/** The Asterisk uniqueid KalliopePBX calls carry: Unix seconds, a dot, a sequence (kalliope-notes §2.4). */
const CALL_UNIQUE_ID = /^[0-9]{9,11}\.[0-9]{1,9}$/;
/** Kiwire voucher codes (lib/api/kiwire.ts); shorter text would match most of the table. */
const VOUCHER_CODE = /^[A-Za-z0-9_.-]{3,64}$/;
/** Hotspot users are found by user name, full name or e-mail (the index's own search), so any printable text. */
const HOTSPOT_USER_TEXT = /^[^\p{Cc}]{2,64}$/u;

/** Every kind the query can mean, in the order the palette lists them; none for text no appliance can answer. */
export function searchIntents(query: string): SearchIntent[] {
  const text = query.trim();
  const intents: SearchIntent[] = [];
  if (EXTENSION_NUMBER.test(text))
    intents.push({ kind: "extension", value: text, searched: `extension numbers containing ${text}` });
  if (TICKET_ID.test(text)) intents.push({ kind: "ticket", value: text, searched: `ticket #${text}` });
  if (TICKET_MASK.test(text)) {
    const mask = text.toUpperCase();
    intents.push({ kind: "ticket", value: mask, searched: `ticket ${mask}` });
  }
  if (CALL_UNIQUE_ID.test(text))
    intents.push({
      kind: "call",
      value: text,
      searched: `the call with unique id ${text} (its day and the days beside it)`,
    });
  if (VOUCHER_CODE.test(text))
    intents.push({ kind: "voucher", value: text, searched: `voucher codes containing “${text}”` });
  if (HOTSPOT_USER_TEXT.test(text))
    intents.push({
      kind: "hotspotUser",
      value: text,
      searched: `hotspot users whose name or e-mail contains “${text}”`,
    });
  return intents;
}
