import "server-only";
import { XMLParser } from "fast-xml-parser";
import { type TextValue, text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";

/** A parsed element: child tags by name, attributes as `@_name`, text as `#text`. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/**
 * Tags Kayako repeats inside one parent (kayako-notes §3): always arrays, even when a helpdesk holds one, so
 * callers never branch on "one or many".
 */
const REPEATED = new Set([
  "department",
  "ticketstatus",
  "ticketpriority",
  "tickettype",
  "staff",
  "user",
  "email",
  "ticket",
  "post",
  "note",
  "watcher",
  "workflow",
  "id",
  "usergroupid",
  "staffgroupid",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Everything stays a string: Kayako renders numbers, empty values and text alike, and zod-free coercion at
  // the edge (numberOf) is the one place that decides what an empty `<x />` means.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

/**
 * Parses one Kayako answer. PHP notices may precede the XML (kayako-notes §3), and error answers are plain
 * text even when the content type says XML, so the body is sniffed rather than trusted.
 */
export function parseKayakoXml(body: string, what: TextValue): XmlNode {
  const start = body.indexOf("<?xml");
  if (start < 0) {
    const said = body
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 200);
    throw new VendorError(
      "unexpected_response",
      text`Kayako answered ${what} without XML${said ? `: "${said}"` : ""}.`,
      { vendorMessage: said || undefined },
    );
  }
  try {
    return parser.parse(body.slice(start)) as XmlNode;
  } catch (cause) {
    throw new VendorError("unexpected_response", text`Kayako's answer to ${what} is not well-formed XML.`, {
      cause,
    });
  }
}

export function childOf(node: XmlValue | undefined, name: string): XmlValue | undefined {
  if (node === undefined || typeof node === "string" || Array.isArray(node)) return undefined;
  return node[name];
}

/** The repeated children `name` of a node (an empty list when there are none). */
export function listOf(node: XmlValue | undefined, name: string): XmlNode[] {
  const value = childOf(node, name);
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is XmlNode => typeof item === "object" && !Array.isArray(item));
}

/** The text of a leaf; `<x />` and a missing tag are "". A repeated leaf gives its first value. */
export function textOf(node: XmlValue | undefined, name: string): string {
  const value = childOf(node, name);
  return leafText(value);
}

export function leafText(value: XmlValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return leafText(value[0]);
  const text = value["#text"];
  return typeof text === "string" ? text : "";
}

/** Every text of a repeated leaf, e.g. a user's `<email>` tags. */
export function textsOf(node: XmlValue | undefined, name: string): string[] {
  const value = childOf(node, name);
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(leafText).filter((text) => text !== "");
}

/**
 * Numbers defensively: PHP 7 renders 0 as `<x />` (kayako-notes §3). Every number the console reads is an
 * id, a count, a flag or Unix seconds, so anything but a safe integer (1.5, 1e400, twenty digits) counts as 0.
 */
export function numberOf(node: XmlValue | undefined, name: string): number {
  const parsed = Number(textOf(node, name).trim());
  return Number.isSafeInteger(parsed) ? parsed : 0;
}

export function attributeOf(node: XmlValue | undefined, name: string): string {
  return textOf(node, `@_${name}`);
}

/** Kayako times are Unix seconds; 0 means "never", and so does a time beyond what a Date can hold. */
export function isoTime(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return seconds > 0 && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}
