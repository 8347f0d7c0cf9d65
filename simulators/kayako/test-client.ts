import { randomInt } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { kayakoSignature } from "./signature";
import type { RunningKayakoSimulator } from "./simulator";

/**
 * A minimal Kayako client for the simulator's own tests, signing the way the official PHP library does:
 * GET/DELETE carry apikey/salt/signature in the query, POST/PUT in the form body (notes §2).
 */

export interface KayakoAnswer {
  status: number;
  contentType: string;
  body: string;
}

export function authTriple(sim: RunningKayakoSimulator, salt = String(randomInt(1, 2 ** 31 - 1))) {
  return {
    apikey: sim.credentials.apiKey,
    salt,
    signature: kayakoSignature(sim.credentials.secretKey, salt),
  };
}

async function answer(response: Response): Promise<KayakoAnswer> {
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body: await response.text(),
  };
}

/** Signed GET (or DELETE) of `route`, e.g. "/Tickets/Ticket/ListAll/1". */
export async function kayakoGet(
  sim: RunningKayakoSimulator,
  route: string,
  method: "GET" | "DELETE" = "GET",
) {
  const query = new URLSearchParams({ e: route, ...authTriple(sim) });
  return answer(await fetch(`${sim.baseUrl}?${query}`, { method }));
}

/** Signed POST or PUT of form fields to `route`. */
export async function kayakoSend(
  sim: RunningKayakoSimulator,
  method: "POST" | "PUT",
  route: string,
  fields: Record<string, string>,
) {
  const body = new URLSearchParams({ ...fields, ...authTriple(sim) });
  return answer(
    await fetch(`${sim.baseUrl}?e=${encodeURIComponent(route)}`, {
      method,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    }),
  );
}

/** Raw request to the API root with an exact query string (for signature-encoding tests). */
export async function kayakoRaw(sim: RunningKayakoSimulator, rawQuery: string, init: RequestInit = {}) {
  return answer(await fetch(`${sim.baseUrl}?${rawQuery}`, init));
}

const ARRAYS = new Set([
  "department",
  "ticketstatus",
  "ticketpriority",
  "tickettype",
  "staff",
  "user",
  "email",
  "userorganization",
  "ticket",
  "post",
  "note",
  "attachment",
  "id",
  "usergroupid",
  "staffgroupid",
  "ownerstaff",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAYS.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Parses a Kayako XML answer; fails loudly on anything that is not XML. */
export function parseXml(body: string): XmlNode {
  if (!body.startsWith("<?xml")) throw new Error(`not an XML answer: ${body.slice(0, 200)}`);
  return parser.parse(body) as XmlNode;
}

/** Child list `name` of `node` (always an array thanks to the parser's isArray list). */
export function list(node: unknown, name: string): XmlNode[] {
  if (typeof node !== "object" || node === null) return [];
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** A text leaf as a string ("" for `<x />`). */
export function text(node: XmlNode, name: string): string {
  const value = node[name];
  if (Array.isArray(value)) return String(value[0] ?? "");
  return value === undefined || value === null ? "" : String(value);
}

/** Tickets of a `<tickets>` answer. */
export function tickets(body: string): XmlNode[] {
  return list(parseXml(body).tickets, "ticket");
}

/** Posts of a `<posts>` answer or of one ticket node. */
export function posts(nodeOrBody: XmlNode | string): XmlNode[] {
  if (typeof nodeOrBody === "string") return list(parseXml(nodeOrBody).posts, "post");
  return list(nodeOrBody.posts, "post");
}
