import { phpHtmlSpecialChars, phpTrim } from "./php";

/**
 * Writes XML byte for byte the way Kayako's `SWIFT_XML` does (notes §3): a header line, one tag per line
 * separated by "\n" with no indentation, every leaf value in CDATA, empty values as `<tag />`, attributes
 * escaped with htmlspecialchars, and the whole document trimmed before it is sent. Clients parse this with
 * real XML parsers, so any deviation here would hide a parser bug in the console.
 */
export type XmlValue = string | number | null | undefined;
export type XmlAttributes = Record<string, XmlValue>;

/** Control characters `SWIFT_XML::Clean` strips: \x00-\x08, \x0B, \x0C, \x0E-\x1F and \x7F (tab, LF, CR stay). */
function isStrippedControl(code: number): boolean {
  return (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

/** `SWIFT_XML::Clean`: strips control characters and splits `]]>` so it cannot close the CDATA early. */
export function cleanCdata(value: string): string {
  let out = "";
  for (const character of value) if (!isStrippedControl(character.charCodeAt(0))) out += character;
  return out.replace(/]]>/g, "]]]]><![CDATA[>");
}

function text(value: XmlValue): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value) : value;
}

function attributes(attrs: XmlAttributes | undefined): string {
  if (!attrs) return "";
  let out = "";
  for (const [key, value] of Object.entries(attrs)) out += ` ${key}="${phpHtmlSpecialChars(text(value))}"`;
  return out;
}

export class KayakoXml {
  private out = '<?xml version="1.0" encoding="UTF-8"?>\n';

  open(tag: string, attrs?: XmlAttributes): this {
    this.out += `<${tag}${attributes(attrs)}>\n`;
    return this;
  }

  close(tag: string): this {
    this.out += `</${tag}>\n`;
    return this;
  }

  /**
   * A leaf. PHP's `$value == ''` decides self-closing; with PHP 8 only the empty string (and null) do,
   * so the number 0 is written as `<![CDATA[0]]>` (PHP 7 would have written `<x />`, notes §3).
   */
  tag(tag: string, value: XmlValue, attrs?: XmlAttributes): this {
    const body = text(value);
    this.out +=
      body === ""
        ? `<${tag}${attributes(attrs)} />\n`
        : `<${tag}${attributes(attrs)}><![CDATA[${cleanCdata(body)}]]></${tag}>\n`;
    return this;
  }

  comment(comment: string): this {
    this.out += `<!-- ${comment} -->\n`;
    return this;
  }

  /** `EchoXML()` trims the document, so it never ends with a newline. */
  toString(): string {
    return phpTrim(this.out);
  }
}
