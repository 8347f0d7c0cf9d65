import "server-only";
import type { SearchItemDto, SearchSourceDto } from "@/lib/api/search";
import { figure, type Localizable, text } from "@/lib/i18n/api-messages/text";
import type { SearchKind } from "@/lib/search-vocabulary";
import { ApiError } from "@/lib/server/errors/api-error";
import { logger } from "@/lib/server/logging/logger";

/** One connection asked about one kind: what the palette shows as a group, with its own status. */
export interface SearchSource {
  kind: SearchKind;
  connectionId: string;
  connectionName: string;
  searched: string;
  run: () => Promise<SearchItemDto[]>;
}

/**
 * A palette is typed into: an appliance that takes longer than this is reported as slow rather than awaited.
 * Its request is not cancelled (the vendor clients take no signal) and finishes in the background; a Kiwire
 * index scan it started goes on, so the next search finds the index ready.
 */
export const SOURCE_TIME_LIMIT_MS = 4000;

/** A source's answer as the server holds it: its message is read in the reader's language. */
export type SourceAnswer = Localizable<SearchSourceDto>;

type Outcome =
  | { settled: true; items: SearchItemDto[] }
  | { settled: true; error: unknown }
  | { settled: false };

function withinLimit(run: () => Promise<SearchItemDto[]>, limitMs: number): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), limitMs);
  });
  // A source that fails after its time is up is already reported as slow: its late error is caught here.
  const answer = Promise.resolve()
    .then(run)
    .then(
      (items): Outcome => ({ settled: true, items }),
      (error: unknown): Outcome => ({ settled: true, error }),
    );
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** "Not found" is an answer (no ticket 42, no such call), not a failure of the source. */
const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * Asks every source at once, each within `limitMs`, and answers each with its status: one appliance that is
 * down or slow shows as such and never hides or delays the others' items.
 */
export async function runSources(
  sources: readonly SearchSource[],
  limitMs: number = SOURCE_TIME_LIMIT_MS,
): Promise<SourceAnswer[]> {
  return Promise.all(
    sources.map(async ({ run, ...source }): Promise<SourceAnswer> => {
      const outcome = await withinLimit(run, limitMs);
      if (!outcome.settled) {
        return {
          ...source,
          status: "timeout",
          message: text`${source.connectionName} did not answer within ${figure(limitMs / 1000)} s; its own page may still find it.`,
          items: [],
        };
      }
      if ("items" in outcome) return { ...source, status: "ok", items: outcome.items };
      if (isNotFound(outcome.error)) return { ...source, status: "ok", items: [] };
      // ApiError and VendorError messages are written for people and carry no secret; anything else is a bug.
      if (outcome.error instanceof ApiError) {
        return { ...source, status: "failed", message: outcome.error.text, items: [] };
      }
      logger.error(
        { err: outcome.error, connectionId: source.connectionId, kind: source.kind },
        "[search] a source failed unexpectedly",
      );
      return {
        ...source,
        status: "failed",
        message: text`Searching ${source.connectionName} failed unexpectedly (the server log has the details).`,
        items: [],
      };
    }),
  );
}
