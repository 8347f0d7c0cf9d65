import "server-only";
import { forgetConnectionDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { forgetKalliopeSigning } from "@/lib/server/vendors/kalliope/client";
import { forgetKayakoCapabilities } from "@/lib/server/vendors/kayako/capabilities";
import { forgetLookups } from "@/lib/server/vendors/kayako/lookups";
import { forgetConnectionSummary } from "./summary-answers";

/**
 * What this process keeps in memory under a connection's id, dropped when the connection is removed. Rows
 * in the database go with it by a trigger (migration 0005); this is the in-process half. Vendor caches keyed
 * by the connection's cache key (`<id>:<fingerprint>`) belong here, one line each. Kerio sessions and Kiwire
 * tokens are not dropped here: finding them needs the credentials' fingerprint, and they expire on their own
 * (Kiwire 20 minutes, Kerio at its session timeout) with nothing left that could use them.
 */
export function forgetConnectionCaches(connectionId: string): void {
  forgetConnectionDays(connectionId);
  forgetKalliopeSigning(connectionId);
  forgetConnectionSummary(connectionId);
  // Keyed by a fingerprint of the URL and keys, not the id: all helpdesks' lookups are refetched (5-minute cache).
  forgetLookups();
  forgetKayakoCapabilities();
}
