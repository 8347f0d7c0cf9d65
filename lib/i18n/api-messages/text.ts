import type { Locale } from "@/lib/i18n/locales";

/** What a message may carry in its holes: the vendor's own words, ids, figures, or another message. */
export type TextValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | Text
  | WordsPerLocale
  | Figure;

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

/**
 * Everything the server says to a person: a message written with `text`, or words per language. Never a bare
 * string, so a sentence cannot reach a person in English only by accident; words nobody here wrote (an
 * appliance's own) go through `quoted`.
 */
export type Message = Text | WordsPerLocale;

/**
 * Words the console did not write and must not guess at, such as an appliance's own error text: the same in
 * every language, quoted as they came.
 */
export function quoted(words: string): WordsPerLocale {
  return new WordsPerLocale({ en: words });
}

/**
 * A measured quantity in a message (a latency, a timeout in seconds): written with the person's decimal mark
 * and digit grouping. Plain numbers in a message stay as they are, since most are ids, ports and sizes.
 */
export class Figure {
  constructor(readonly value: number) {}

  toString(): string {
    return String(this.value);
  }
}

export const figure = (value: number) => new Figure(value);

/** The fields of a DTO that hold words the server wrote for a person (an outcome, a summary). */
type SpokenField = "message" | "summary";

/**
 * A DTO as the server builds it: each of its spoken fields may hold a `Message`, which the route wrapper
 * renders in the request's language when it writes the JSON.
 */
export type Localizable<T> = T extends readonly (infer Item)[]
  ? Localizable<Item>[]
  : T extends object
    ? { [K in keyof T]: K extends SpokenField ? Exclude<T[K], string> | Message : Localizable<T[K]> }
    : T;

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

/**
 * The message with `change` applied to every string it carries (its values, and words per language), never to
 * its template, which the code wrote: e.g. a host name replaced for a reader who may not see the settings.
 */
export function changingValues(message: Message, change: (value: string) => string): Message {
  if (message instanceof WordsPerLocale) {
    const byLocale = Object.fromEntries(
      Object.entries(message.byLocale).map(([locale, words]) => [locale, change(words)]),
    ) as WordsPerLocale["byLocale"];
    return new WordsPerLocale(byLocale);
  }
  return new Text(
    message.template,
    message.values.map((value) =>
      typeof value === "string"
        ? change(value)
        : value instanceof Text || value instanceof WordsPerLocale
          ? changingValues(value, change)
          : value,
    ),
  );
}
