import "server-only";
import { forgetConnectionDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { forgetKalliopeSigning } from "@/lib/server/vendors/kalliope/client";

/**
 * What this process keeps in memory under a connection's id, dropped when the connection is removed. Rows
 * in the database go with it by a trigger (migration 0005); this is the in-process half. Vendor caches keyed
 * by the connection's cache key (`<id>:<fingerprint>`) belong here, one line each.
 */
export function forgetConnectionCaches(connectionId: string): void {
  forgetConnectionDays(connectionId);
  forgetKalliopeSigning(connectionId);
}
