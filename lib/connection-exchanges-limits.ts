/**
 * How many exchanges each connection keeps in its diagnostics, and how much of each body. A module of its
 * own, without zod, because the diagnostics dialog shows the number: importing it from the contract module
 * would put the schema builder in the page's first load.
 */
export const EXCHANGES_KEPT = 50;
export const EXCHANGE_BODY_BYTES = 4096;
