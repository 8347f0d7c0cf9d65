import "server-only";

/**
 * What differs between Kayako builds and settings, learnt from the helpdesk's own answers and kept per
 * connection (under its cache key, which changes with the URL or keys, so an edited connection learns anew).
 */
export interface KayakoCapabilities {
  /**
   * Whether `GetTicketCount` exists (newer builds only, kayako-notes §4.2, §8), and when that was learnt;
   * null until the first ticket list asks. An older build is asked again after `RECHECK_MS`, since an
   * upgrade adds the route.
   */
  ticketCount: { present: boolean; at: number } | null;
  /**
   * The most tickets one TicketSearch has returned on this helpdesk. TicketSearch cuts its hits at the
   * `t_resultlimit` setting, which no API reports and which has no paging (kayako-notes §4.6): a search
   * that returns as many hits as the largest search so far may have been cut there.
   */
  largestSearch: number;
}

/** How long an absent `GetTicketCount` is believed before it is tried again. */
export const RECHECK_MS = 60 * 60_000;

const known = new Map<string, KayakoCapabilities>();

export function emptyCapabilities(): KayakoCapabilities {
  return { ticketCount: null, largestSearch: 0 };
}

export function capabilitiesFor(cacheKey: string): KayakoCapabilities {
  let capabilities = known.get(cacheKey);
  if (!capabilities) {
    capabilities = emptyCapabilities();
    known.set(cacheKey, capabilities);
  }
  return capabilities;
}

/** Keyed by a fingerprint of the URL and keys, not the id: every helpdesk learns again (one request each). */
export function forgetKayakoCapabilities(): void {
  known.clear();
}
