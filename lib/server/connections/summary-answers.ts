import "server-only";
import type { ConnectionSummaryDto } from "@/lib/api/connection-summary";

/**
 * The overview's figures, shared for `FRESH_MS`: every card asks every 30 s and every person's overview asks
 * the same (a Kerio Operator summary reads every extension). A module of its own so that dropping a removed
 * connection's answers (connection-caches.ts) does not import the readers that fill them.
 */
const FRESH_MS = 15_000;

const answers = new Map<string, { at: number; summary: Promise<ConnectionSummaryDto> }>();

/** The answer being read or read less than `FRESH_MS` ago, or a new read; a failed read is not kept. */
export function sharedSummary(
  id: string,
  kind: ConnectionSummaryDto["kind"],
  read: () => Promise<ConnectionSummaryDto>,
  now: number,
): Promise<ConnectionSummaryDto> {
  const key = `${id}\0${kind}`;
  let cached = answers.get(key);
  if (!cached || now - cached.at >= FRESH_MS) {
    const summary = read();
    cached = { at: now, summary };
    answers.set(key, cached);
    // A failure is not kept: the next ask tries the appliance again.
    summary.catch(() => {
      if (answers.get(key)?.summary === summary) answers.delete(key);
    });
  }
  return cached.summary;
}

/** The connection was removed or changed: its next summary is read afresh. */
export function forgetConnectionSummary(id: string): void {
  for (const key of answers.keys()) if (key.startsWith(`${id}\0`)) answers.delete(key);
}
