import "server-only";

/**
 * A Kayako post with `<ishtml>1</ishtml>` (kayako-notes §4.3) is an e-mail's HTML part or a reply written in
 * the helpdesk's editor. The console shows posts as text, so the markup becomes line breaks and bullets here,
 * on the server: no tag, attribute or script reaches the browser, however broken or hostile the HTML is.
 *
 * This is a reader, not a validating parser: it walks the text once, keeps what a person reads and drops the
 * rest. Unclosed tags are fine (HTML allows most of them); a tag cut off at the end is dropped whole.
 */

/** Elements whose content is never text for a reader: dropped with everything inside them. */
const DROPPED = new Set(["script", "style", "title", "template", "noscript", "xml", "head"]);

/** Elements that start a paragraph: a blank line before and after. */
const PARAGRAPHS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "table",
  "hr",
  "dl",
  "figure",
]);

/** Elements that start a line of their own. */
const LINES = new Set([
  "div",
  "tr",
  "li",
  "dt",
  "dd",
  "section",
  "article",
  "header",
  "footer",
  "nav",
  "aside",
  "main",
  "address",
  "form",
  "fieldset",
  "legend",
  "caption",
  "figcaption",
  "details",
  "summary",
  "center",
  "body",
  "html",
]);

const CELLS = new Set(["td", "th"]);

/** HTML's named references that mail clients and editors actually write; others stay as written. */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: "\u00a0",
    ensp: "\u2002",
    emsp: "\u2003",
    thinsp: "\u2009",
    shy: "",
    zwnj: "\u200c",
    zwj: "\u200d",
    copy: "©",
    reg: "®",
    trade: "™",
    hellip: "…",
    mdash: "—",
    ndash: "–",
    lsquo: "‘",
    rsquo: "’",
    sbquo: "‚",
    ldquo: "“",
    rdquo: "”",
    bdquo: "„",
    laquo: "«",
    raquo: "»",
    bull: "•",
    middot: "·",
    deg: "°",
    plusmn: "±",
    times: "×",
    divide: "÷",
    euro: "€",
    pound: "£",
    yen: "¥",
    cent: "¢",
    sect: "§",
    para: "¶",
    iexcl: "¡",
    iquest: "¿",
    auml: "ä",
    ouml: "ö",
    uuml: "ü",
    Auml: "Ä",
    Ouml: "Ö",
    Uuml: "Ü",
    szlig: "ß",
    eacute: "é",
    egrave: "è",
    ecirc: "ê",
    Eacute: "É",
    aacute: "á",
    agrave: "à",
    acirc: "â",
    iacute: "í",
    oacute: "ó",
    ograve: "ò",
    uacute: "ú",
    ugrave: "ù",
    ntilde: "ñ",
    ccedil: "ç",
    Ccedil: "Ç",
  }),
);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function codePointText(code: number): string {
  // NUL, surrogates and numbers past Unicode are replaced, as HTML does; control characters are dropped.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  if (code < 0x20 && code !== 0x09 && code !== 0x0a) return "";
  if (code >= 0x7f && code < 0xa0) return "";
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return codePointText(Number.parseInt(decimal, 10));
    if (hex !== undefined) return codePointText(Number.parseInt(hex, 16));
    return NAMED_ENTITIES.get(name ?? "") ?? whole;
  });
}

interface Tag {
  name: string;
  closing: boolean;
  /** Index just past the tag's `>`. */
  end: number;
}

/**
 * The tag starting at `start` (a `<`), or null when the `<` is text ("a < b"). Attribute values are read
 * with their quotes, so a `>` inside one does not end the tag. A tag cut off by the end of the input ends there.
 */
function readTag(html: string, start: number): Tag | null {
  let index = start + 1;
  const closing = html[index] === "/";
  if (closing) index++;
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(index, index + 64));
  if (!nameMatch) return null;
  const name = nameMatch[0].toLowerCase();
  index += nameMatch[0].length;
  while (index < html.length) {
    const char = html[index];
    if (char === ">") return { name, closing, end: index + 1 };
    if (char === '"' || char === "'") {
      const close = html.indexOf(char, index + 1);
      if (close === -1) return { name, closing, end: html.length };
      index = close + 1;
      continue;
    }
    index++;
  }
  return { name, closing, end: html.length };
}

/** Index past a comment, a doctype or a processing instruction starting at `start`, or null when none does. */
function skipDeclaration(html: string, start: number): number | null {
  if (html.startsWith("<!--", start)) {
    const close = html.indexOf("-->", start + 4);
    return close === -1 ? html.length : close + 3;
  }
  if (html[start + 1] === "!" || html[start + 1] === "?") {
    const close = html.indexOf(">", start + 2);
    return close === -1 ? html.length : close + 1;
  }
  return null;
}

/** Index past the end tag of a dropped element (`</script>`), or the end of the input when it is never closed. */
function skipDropped(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}(?=[\\s/>])`, "i").exec(html.slice(from));
  if (!close) return html.length;
  const closeTag = readTag(html, from + close.index);
  return closeTag?.end ?? html.length;
}

interface ListLevel {
  ordered: boolean;
  next: number;
}

/** The text being written: whitespace collapsed as a browser would, breaks and bullets where blocks were. */
class TextWriter {
  private out = "";
  private preDepth = 0;

  text(raw: string): void {
    if (this.preDepth > 0) {
      this.out += decodeEntities(raw);
      return;
    }
    let collapsed = raw.replace(/[ \t\n\r\f]+/g, " ");
    if (collapsed.startsWith(" ") && (this.out === "" || /[ \n\t\u00a0]$/.test(this.out))) {
      collapsed = collapsed.slice(1);
    }
    this.out += decodeEntities(collapsed);
  }

  /** A line break: `<br>`, always honoured, even twice in a row. */
  newline(): void {
    this.out += "\n";
  }

  /** Starts a new line unless the text already is at one. */
  line(): void {
    if (this.out !== "" && !this.out.endsWith("\n")) this.out += "\n";
  }

  /** Leaves a blank line unless there is one already. */
  paragraph(): void {
    if (this.out === "") return;
    this.line();
    if (!this.out.endsWith("\n\n")) this.out += "\n";
  }

  /** Separates a table cell from the one before it on the same row. */
  cell(): void {
    if (this.out !== "" && !this.out.endsWith("\n")) this.out += "\t";
  }

  append(literal: string): void {
    this.out += literal;
  }

  enterPre(): void {
    this.preDepth++;
  }

  leavePre(): void {
    this.preDepth = Math.max(0, this.preDepth - 1);
  }

  result(): string {
    return this.out
      .replace(/\u00a0/g, " ")
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }
}

export function htmlToText(html: string): string {
  const writer = new TextWriter();
  const lists: ListLevel[] = [];
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf("<", index);
    if (open === -1) {
      writer.text(html.slice(index));
      break;
    }
    if (open > index) writer.text(html.slice(index, open));
    const declarationEnd = skipDeclaration(html, open);
    if (declarationEnd !== null) {
      index = declarationEnd;
      continue;
    }
    const tag = readTag(html, open);
    if (!tag) {
      writer.text("<");
      index = open + 1;
      continue;
    }
    index = tag.end;
    if (DROPPED.has(tag.name)) {
      if (!tag.closing) index = skipDropped(html, tag.name, index);
      continue;
    }
    if (tag.name === "br") {
      writer.newline();
      continue;
    }
    if (tag.name === "ul" || tag.name === "ol") {
      if (tag.closing) lists.pop();
      else lists.push({ ordered: tag.name === "ol", next: 1 });
      if (lists.length === 0) writer.paragraph();
      else writer.line();
      continue;
    }
    if (tag.name === "li" && !tag.closing) {
      writer.line();
      const level = lists[lists.length - 1];
      const indent = "  ".repeat(Math.max(0, lists.length - 1));
      writer.append(level?.ordered ? `${indent}${level.next++}. ` : `${indent}• `);
      continue;
    }
    if (tag.name === "pre") {
      writer.paragraph();
      if (tag.closing) writer.leavePre();
      else writer.enterPre();
      continue;
    }
    if (PARAGRAPHS.has(tag.name)) writer.paragraph();
    else if (LINES.has(tag.name)) writer.line();
    else if (CELLS.has(tag.name) && !tag.closing) writer.cell();
  }
  return writer.result();
}
