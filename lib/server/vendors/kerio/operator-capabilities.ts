import "server-only";
import type { SearchField } from "./query";

/**
 * What one Operator build does where the documents are silent (simulators/kerio/variants.ts names the
 * possibilities): learnt from the appliance's answers and remembered per connection, in memory, under the
 * connection's cache key (it changes with the URL or credentials, so another appliance learns afresh).
 * Nothing here is a secret; losing it on a restart only costs one detection round again.
 */
export interface OperatorCapabilities {
  /** The quick-search spelling that worked last; unknown until a search ran. */
  searchField?: SearchField;
  /**
   * Whether conditions on `lineType` are applied by the appliance (`honoured`), dropped (`ignored`: rows
   * come back unfiltered) or answered with -32602 (`refused`). Unknown until probed.
   */
  lineConditions?: "honoured" | "ignored" | "refused";
}

const known = new Map<string, OperatorCapabilities>();

/** The live record of one connection; callers update it as they learn. */
export function operatorCapabilities(cacheKey: string): OperatorCapabilities {
  let capabilities = known.get(cacheKey);
  if (!capabilities) {
    capabilities = {};
    known.set(cacheKey, capabilities);
  }
  return capabilities;
}
