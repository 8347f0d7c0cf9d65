import type { Locale } from "@/lib/i18n/locales";

/** What a message may carry in its holes: the vendor's own words, ids, numbers, or another message. */
export type TextValue = string | number | bigint | boolean | null | undefined | Text | WordsPerLocale;

/**
 * A message a person reads, written once in English where it is raised: `text\`No connection with the id
 * "${id}".\``. It keeps its template (`No connection with the id "{0}".`), the key of its Italian entry in
 * `it.ts`, apart from its values, so the route wrapper can answer in the request's language while logs and
 * the audit log keep the English, which is what `String(message)` gives, byte for byte as it always read.
 */
export class Text {
  constructor(
    readonly template: string,
    readonly values: readonly TextValue[],
  ) {}

  toString(): string {
    return this.template.replace(PLACEHOLDER, (hole, index: string) =>
      index in this.values ? english(this.values[Number(index)]) : hole,
    );
  }

  /** Logs and audit records serialise it as the English sentence. */
  toJSON(): string {
    return this.toString();
  }
}

/**
 * Words that were not written in the code but come out of a library in each language, e.g. zod's own
 * issue messages: the English for the logs, and what the library said in each other language.
 */
export class WordsPerLocale {
  constructor(readonly byLocale: Readonly<Partial<Record<Locale, string>> & { en: string }>) {}

  toString(): string {
    return this.byLocale.en;
  }

  toJSON(): string {
    return this.byLocale.en;
  }
}

/** Everything an ApiError says to a person: a message, words per language, or (not yet converted) English. */
export type Message = string | Text | WordsPerLocale;

/** `{0}`, `{1}`…: the holes of a template, by the position of the value in the tagged template. */
export const PLACEHOLDER = /\{(\d+)\}/g;

/** The tag every error message is written with; see `Text`. */
export function text(strings: TemplateStringsArray, ...values: TextValue[]): Text {
  return new Text(templateOf(strings), values);
}

/**
 * The tag for messages inside zod schemas, which zod needs as plain strings: the English itself. The catalog
 * test finds every `msg\`…\`` as it finds every `text\`…\``, and the Italian is matched on the string when
 * an issue is shown (`localize.ts`), so a schema's words need an Italian entry like any other message.
 */
export function msg(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return String(new Text(templateOf(strings), values));
}

/** The catalog key of a tagged template: its literal parts with `{n}` where the n-th value goes. */
export function templateOf(strings: readonly string[]): string {
  return strings.reduce(
    (template, part, index) => (index === 0 ? part : `${template}{${index - 1}}${part}`),
    "",
  );
}

function english(value: TextValue): string {
  return value === null || value === undefined ? String(value) : value.toString();
}
