import "server-only";
import type { SearchItemDto } from "@/lib/api/search";
import type { ConnectionKind } from "@/lib/connection-kinds";
import { en } from "@/lib/i18n/messages/en/all";
import { translatorFor } from "@/lib/i18n/translator";
import type { Permission } from "@/lib/permissions";
import { type SearchIntent, searchIntents } from "@/lib/search-query";
import { SEARCH_ITEMS_PER_SOURCE, SEARCH_KIND_SOURCES, type SearchKind } from "@/lib/search-vocabulary";
import { listConnectionEntries } from "@/lib/server/connections/registry";
import {
  kalliopeCdrFor,
  kayakoFor,
  kiwireIndexedFor,
  operatorExtensionsFor,
} from "@/lib/server/connections/vendor-clients";
import type { Database } from "@/lib/server/db/client";
import { getCall } from "@/lib/server/vendors/kalliope/cdr-query";
import { runSources, type SearchSource, type SourceAnswer } from "./fan-out";

type ConnectionRef = { id: string; name: string; kind: ConnectionKind };

/** One connection asked about one intent of the query. */
export interface PlannedSearch {
  intent: SearchIntent;
  connection: Pick<ConnectionRef, "id" | "name">;
}

/** Whether the caller holds a permission (the route passes its actor's role through `can`). */
export type Holds = (permission: Permission) => boolean;

/**
 * Which connection is asked what: each intent of the query, on every connection of its kind, only when the
 * caller holds the kind's read permission. Pure, so who-may-search-what is tested without an appliance.
 */
export function plannedSearches(
  holds: Holds,
  connections: readonly ConnectionRef[],
  query: string,
): PlannedSearch[] {
  return searchIntents(query)
    .filter((intent) => holds(SEARCH_KIND_SOURCES[intent.kind].permission))
    .flatMap((intent) =>
      connections
        .filter((connection) => connection.kind === SEARCH_KIND_SOURCES[intent.kind].connectionKind)
        .map((connection) => ({ intent, connection: { id: connection.id, name: connection.name } })),
    );
}

const first = SEARCH_ITEMS_PER_SOURCE;
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ");

/** The read each kind uses: the same vendor clients and index the list pages read, asked for a few rows. */
const READERS: Record<
  SearchKind,
  (db: Database, connectionId: string, value: string) => Promise<SearchItemDto[]>
> = {
  // Kerio's quick search matches number, SIP user, description and owner: a number finds its own extension
  // and those it appears in.
  extension: async (db, connectionId, value) => {
    const page = await (await operatorExtensionsFor(db, connectionId)).list({
      q: value,
      page: 1,
      pageSize: first,
      sort: "number",
      dir: "asc",
    });
    return page.items.map((extension) => ({
      kind: "extension",
      id: extension.number,
      label: extension.number,
      detail: joined(extension.description, extension.owner?.fullName),
    }));
  },
  voucher: async (db, connectionId, value) => {
    const page = await (await kiwireIndexedFor(db, connectionId)).listVouchers({
      q: value,
      page: 1,
      pageSize: first,
    });
    return page.items.map((voucher) => ({
      kind: "voucher",
      id: voucher.username,
      label: voucher.username,
      detail: joined(voucher.profile, voucher.status),
    }));
  },
  hotspotUser: async (db, connectionId, value) => {
    const page = await (await kiwireIndexedFor(db, connectionId)).listUsers({
      q: value,
      page: 1,
      pageSize: first,
      dir: "asc",
    });
    return page.items.map((user) => ({
      kind: "hotspotUser",
      id: user.username,
      label: user.username,
      detail: joined(user.fullName, user.email, user.status),
    }));
  },
  // Kayako reads a ticket by its numeric id or its mask alike (kayako-notes §4.3); an unknown one is a 404.
  ticket: async (db, connectionId, value) => {
    const ticket = await (await kayakoFor(db, connectionId)).tickets.get(value);
    return [
      {
        kind: "ticket",
        id: String(ticket.id),
        label: `${ticket.displayId} (#${ticket.id})`,
        detail: joined(ticket.subject, ticket.status),
      },
    ];
  },
  // The unique id carries the call's start in Unix seconds: the PBX is asked for that day and the days
  // beside it (kept once fetched), never a wider window.
  call: async (db, connectionId, value) => {
    const call = await getCall(await kalliopeCdrFor(db, connectionId), value);
    return [
      {
        kind: "call",
        id: call.id,
        label: `${call.caller || "unknown"} → ${call.called || "unknown"}`,
        detail: joined(call.startTime, call.status, `${call.durationSeconds} s`),
      },
    ];
  },
};

/** The API says what it searched in English (its documents' language); the palette says it in the person's. */
const english = translatorFor("en", en, "palette");

/** The palette's search: every planned source asked at once, each answered with its status. */
export async function searchConsole(db: Database, holds: Holds, query: string): Promise<SourceAnswer[]> {
  const connections = await listConnectionEntries(db);
  const sources = plannedSearches(holds, connections, query).map(
    ({ intent, connection }): SearchSource => ({
      kind: intent.kind,
      connectionId: connection.id,
      connectionName: connection.name,
      searched: english(`searched.${intent.meaning}`, { value: intent.value }),
      run: () => READERS[intent.kind](db, connection.id, intent.value),
    }),
  );
  return runSources(sources);
}
