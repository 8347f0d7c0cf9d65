import type { en } from "./en/all";

/** A catalog shaped like the English one, with any text in its leaves: a missing or extra key does not type-check. */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** Every message of the interface, by area. */
export type Messages = Catalog<typeof en>;
export type Namespace = keyof Messages;

/** The dotted keys of a namespace's messages: `"vouchers.title"`. */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];
