import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import type { KayakoClient } from "./client";
import { listOf, numberOf, textOf } from "./xml";

export interface Department {
  id: number;
  title: string;
}
export interface Status {
  id: number;
  title: string;
  resolved: boolean;
  departmentId: number;
}
export interface Priority {
  id: number;
  title: string;
}
export interface TicketType {
  id: number;
  title: string;
}
export interface StaffMember {
  id: number;
  title: string;
  enabled: boolean;
}
export interface Lookups {
  departments: Department[];
  statuses: Status[];
  priorities: Priority[];
  types: TicketType[];
  staff: StaffMember[];
}

/** Lookups change when an admin edits Kayako's setup: minutes of staleness are fine, a fetch per page is not. */
export const LOOKUP_TTL_MS = 5 * 60_000;

const cache = new Map<string, { at: number; value: Promise<Lookups> }>();

/**
 * Departments (ticket ones only: livechat departments never hold tickets), statuses, priorities and staff of
 * one connection, cached per `cacheKey` (the connection id plus a fingerprint of its URL and keys).
 */
export function lookupsFor(
  client: KayakoClient,
  cacheKey: string,
  now: () => number = Date.now,
): Promise<Lookups> {
  const hit = cache.get(cacheKey);
  if (hit && now() - hit.at < LOOKUP_TTL_MS) return hit.value;
  const value = loadLookups(client);
  cache.set(cacheKey, { at: now(), value });
  // A failed load must not be served for five minutes.
  value.catch(() => {
    if (cache.get(cacheKey)?.value === value) cache.delete(cacheKey);
  });
  return value;
}

export function forgetLookups(): void {
  cache.clear();
}

async function loadLookups(client: KayakoClient): Promise<Lookups> {
  const [departments, statuses, priorities, types, staff] = await Promise.all([
    client.get("/Base/Department", text`the department list`),
    client.get("/Tickets/TicketStatus", text`the ticket status list`),
    client.get("/Tickets/TicketPriority", text`the ticket priority list`),
    client.get("/Tickets/TicketType", text`the ticket type list`),
    client.get("/Base/Staff", text`the staff list`),
  ]);
  return {
    departments: listOf(departments.departments, "department")
      .filter((d) => (textOf(d, "app") || textOf(d, "module")) === "tickets")
      .map((d) => ({ id: numberOf(d, "id"), title: textOf(d, "title") })),
    statuses: listOf(statuses.ticketstatuses, "ticketstatus").map((s) => ({
      id: numberOf(s, "id"),
      title: textOf(s, "title"),
      resolved: numberOf(s, "markasresolved") === 1,
      departmentId: numberOf(s, "departmentid"),
    })),
    priorities: listOf(priorities.ticketpriorities, "ticketpriority").map((p) => ({
      id: numberOf(p, "id"),
      title: textOf(p, "title"),
    })),
    types: listOf(types.tickettypes, "tickettype").map((t) => ({
      id: numberOf(t, "id"),
      title: textOf(t, "title"),
    })),
    staff: listOf(staff.staffusers, "staff").map((s) => ({
      id: numberOf(s, "id"),
      title: textOf(s, "fullname") || `${textOf(s, "firstname")} ${textOf(s, "lastname")}`.trim(),
      enabled: numberOf(s, "isenabled") === 1,
    })),
  };
}
