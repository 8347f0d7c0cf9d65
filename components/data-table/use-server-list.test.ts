import { QueryClient, QueryClientProvider, queryOptions } from "@tanstack/react-query";
import { parseAsString } from "nuqs";
import { NuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { defineListState } from "./list-state";
import { type ListSelection, useListSelection } from "./use-list-selection";
import { useServerList } from "./use-server-list";

/**
 * The hooks rendered on the server through nuqs' testing adapter and a query client whose cache the test
 * fills (the suite has no DOM): what they read from a link and the cache, and the URL update a setter makes.
 */

interface Row {
  code: string;
}
interface Page {
  items: Row[];
  totalItems: number;
}

const model = defineListState({
  sorts: ["code"],
  defaultSort: "code",
  filters: { q: parseAsString.withDefault(""), batch: parseAsString.withDefault("") },
});
const CONNECTIONS: ConnectionChoice[] = [
  { id: "hotel", name: "Hotel" },
  { id: "campus", name: "Campus" },
];
const pageKey = (connectionId: string, page: number, q: string) => ["rows", connectionId, page, q] as const;

function useProbe(connections: ConnectionChoice[]) {
  const asked: { connectionId: string; page: number; q: string }[] = [];
  const server = useServerList(
    { kind: "kiwire", connections, savedColumns: null },
    {
      model,
      query: (connectionId, list) => {
        asked.push({ connectionId, page: list.page, q: list.filters.q });
        return queryOptions({
          queryKey: pageKey(connectionId, list.page, list.filters.q),
          queryFn: (): Promise<Page> => new Promise(() => {}),
        });
      },
      connectionFilters: { batch: null },
    },
  );
  return { server, asked };
}

/** Calls the hook under test and hands its result out of the render. */
function Probe({ use, report }: { use: () => unknown; report: (result: unknown) => void }) {
  report(use());
  return null;
}

function render<T>(search: string, use: () => T, seed: (client: QueryClient) => void = () => {}) {
  const client = new QueryClient();
  seed(client);
  const updates: string[] = [];
  let result: T | undefined;
  const probe = createElement(Probe, { use, report: (reported) => (result = reported as T) });
  const tree: ReactNode = createElement(NuqsTestingAdapter, {
    searchParams: search,
    onUrlUpdate: (event: UrlUpdateEvent) => updates.push(event.queryString),
    // biome-ignore lint/correctness/noChildrenProp: createElement in a .ts test file
    children: createElement(QueryClientProvider, { client, children: probe }),
  });
  renderToString(tree);
  if (result === undefined) throw new Error("the probe did not render");
  return { result, updates };
}

/** nuqs flushes its update queue after the current task. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("useServerList", () => {
  it("asks for the page of the connection the link names, with the link's list state", () => {
    const { result } = render("?connection=campus&page=3&q=A", () => useProbe(CONNECTIONS));
    expect(result.server.connectionId).toBe("campus");
    expect(result.asked).toEqual([{ connectionId: "campus", page: 3, q: "A" }]);
  });

  it("shows the first connection for a link naming none or one that is gone", () => {
    for (const search of ["", "?connection=removed"]) {
      const { result } = render(search, () => useProbe(CONNECTIONS));
      expect(result.server.connectionId).toBe("hotel");
      expect(result.server.connection?.name).toBe("Hotel");
    }
  });

  it("gives the page's rows and the server's count from the query", () => {
    const { result } = render(
      "?page=2",
      () => useProbe(CONNECTIONS),
      (client) => client.setQueryData(pageKey("hotel", 2, ""), { items: [{ code: "V1" }], totalItems: 51 }),
    );
    expect(result.server.rows).toEqual([{ code: "V1" }]);
    expect(result.server.total).toBe(51);
  });

  it("does not ask a server when there is no connection, and says there is none", () => {
    const { result } = render("", () => useProbe([]));
    expect(result.server.connectionId).toBe("");
    expect(result.server.query.fetchStatus).toBe("idle");
    expect(result.server.rows).toBeUndefined();
  });

  it("another connection starts on its first page, without the filters that named the old one's things", async () => {
    const { result, updates } = render("?connection=hotel&page=4&batch=B7&q=A", () => useProbe(CONNECTIONS));
    result.server.chooseConnection("campus");
    await settle();
    expect(Object.fromEntries(new URLSearchParams(updates.at(-1)))).toEqual({ connection: "campus", q: "A" });
  });
});

/** A selection over the probe list whose pages of matching rows are A, B then C, noting each request. */
function useSelectionProbe(fetched: { page: number; signal: AbortSignal }[]): ListSelection<Row> {
  const { server } = useProbe(CONNECTIONS);
  return useListSelection<Row>({
    idOf: (row) => row.code,
    server,
    fetchPage: async (page, signal) => {
      fetched.push({ page, signal });
      return { items: page === 1 ? [{ code: "A" }, { code: "B" }] : [{ code: "C" }], totalItems: 3 };
    },
  });
}

describe("useListSelection", () => {
  it("reads every matching row page by page, handing each request the run's signal", async () => {
    const fetched: { page: number; signal: AbortSignal }[] = [];
    const { result } = render("", () => useSelectionProbe(fetched));
    const signal = new AbortController().signal;
    const rows = await result.collectMatching(signal);
    expect(rows.map((row) => row.code)).toEqual(["A", "B", "C"]);
    expect(fetched.map((call) => call.page)).toEqual([1, 2]);
    expect(fetched.every((call) => call.signal === signal)).toBe(true);
  });

  it("starts with nothing selected, so its targets are none and nothing is read", async () => {
    const fetched: { page: number; signal: AbortSignal }[] = [];
    const { result } = render("", () => useSelectionProbe(fetched));
    expect(result.controls.count).toBe(0);
    expect(await result.targets(new AbortController().signal)).toEqual([]);
    expect(fetched).toEqual([]);
  });
});
