/**
 * The schemas' messages in Italian, keyed by the English template of each `msg\`…\`` (`{0}` is the first
 * value). The browser loads this with zod's Italian messages when it checks a form; `catalogs.test.ts` holds
 * it to the sources as it does `it-errors.ts`.
 */
export const ITALIAN_INPUT: Readonly<Record<string, string>> = {};
