import type { SearchKind } from "./search-vocabulary";

/**
 * What is searched, named: the palette says it in the person's language and the API in English, both from
 * the `palette` catalog (`searched.<meaning>`: "extension numbers containing 20", "ticket ABC-123-45678").
 */
export type SearchMeaning =
  | "extensionNumber"
  | "ticketId"
  | "ticketMask"
  | "callId"
  | "voucherCode"
  | "hotspotUser";

/**
 * What a typed query can mean, per kind: the search asks each appliance only what its API can answer for
 * that text, and the palette says what it searched. Isomorphic and zod-free (the palette reads the same
 * meanings). A query has at most one meaning per kind, so a kind's answer names its meaning.
 */
export interface SearchIntent {
  kind: SearchKind;
  /** The value sent to the appliance, normalised (a mask in capitals, trimmed text). */
  value: string;
  meaning: SearchMeaning;
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
    intents.push({ kind: "extension", value: text, meaning: "extensionNumber" });
  if (TICKET_ID.test(text)) intents.push({ kind: "ticket", value: text, meaning: "ticketId" });
  // A mask has letters, an id only digits: a query is never both.
  if (TICKET_MASK.test(text))
    intents.push({ kind: "ticket", value: text.toUpperCase(), meaning: "ticketMask" });
  if (CALL_UNIQUE_ID.test(text)) intents.push({ kind: "call", value: text, meaning: "callId" });
  if (VOUCHER_CODE.test(text)) intents.push({ kind: "voucher", value: text, meaning: "voucherCode" });
  if (HOTSPOT_USER_TEXT.test(text))
    intents.push({ kind: "hotspotUser", value: text, meaning: "hotspotUser" });
  return intents;
}
