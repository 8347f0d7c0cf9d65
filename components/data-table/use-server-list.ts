"use client";

import { type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import type { Nullable, ParserMap, Values } from "nuqs";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import type { ConnectionChoice, ConnectionKind, ConnectionListSource } from "@/lib/connection-kinds";
import type { ListStateModel } from "./list-state";
import { type ListStateControls, useListState } from "./use-list-state";

export interface ServerListOptions<
  TSort extends string,
  TColumn extends string,
  TFilters extends ParserMap,
  TPage extends ListPageOfRows,
  TKey extends QueryKey,
> {
  model: ListStateModel<TSort, TColumn, TFilters>;
  /** The page of rows for a connection and the list state: the area's `queryOptions` (lib/client/queries). */
  query: (
    connectionId: string,
    list: ListStateControls<TSort, TColumn, TFilters>,
  ) => UseQueryOptions<TPage, Error, TPage, TKey>;
  /** Filters that name the old connection's things (a voucher batch, a mail domain), cleared on another one. */
  connectionFilters?: Partial<Nullable<Values<TFilters>>>;
}

/** What every list operation of the BFF answers with, at least; most also count the matching rows. */
interface ListPageOfRows {
  items: readonly unknown[];
  totalItems?: number;
}

export interface ServerList<
  TSort extends string,
  TColumn extends string,
  TFilters extends ParserMap,
  TPage extends ListPageOfRows,
> {
  kind: ConnectionKind;
  connections: readonly ConnectionChoice[];
  /** The connection the URL names, else the first; "" when there is none (the view then says so). */
  connectionId: string;
  connection: ConnectionChoice | undefined;
  /** Another connection: its rows, its page and the filters that named the old one's things start afresh. */
  chooseConnection: (id: string) => void;
  list: ListStateControls<TSort, TColumn, TFilters>;
  /** The page's query; it runs only once there is a connection. */
  query: UseQueryResult<TPage, Error>;
  /** The page's rows once loaded. */
  rows: TPage["items"] | undefined;
  /** How many rows match, by the server's count, once it answered (and when it counts). */
  total: number | undefined;
}

/**
 * A server-paged list of one connection: from what the page read (`connectionListSource`), the connection
 * picked in the URL, the list state (sort, page, size, columns, filters) in the URL, and the page's query built
 * from both. Selection and bulk actions go on top with `useListSelection`; the view keeps its columns, filters
 * and dialogs.
 */
export function useServerList<
  TSort extends string,
  TColumn extends string,
  TFilters extends ParserMap,
  TPage extends ListPageOfRows,
  TKey extends QueryKey,
>(
  { kind, connections, savedColumns }: ConnectionListSource,
  { model, query, connectionFilters = {} }: ServerListOptions<TSort, TColumn, TFilters, TPage, TKey>,
): ServerList<TSort, TColumn, TFilters, TPage> {
  const { connectionId, connection, choose } = useConnectionChoice(connections);
  const list = useListState(model, savedColumns);
  const page = useQuery({ ...query(connectionId, list), enabled: connectionId !== "" });
  return {
    kind,
    connections,
    connectionId,
    connection,
    chooseConnection: (id) => {
      choose(id);
      // Back to the first page as well: setting filters always does.
      list.setFilters(connectionFilters);
    },
    list,
    query: page,
    rows: page.data?.items,
    total: page.data?.totalItems,
  };
}
