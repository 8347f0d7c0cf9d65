-- A hotspot-user page sorted by a column sorted every user of the connection to return 50 of them (issue 15:
-- 8.5 ms of PGlite per page at 5,000 users, against 2.4 ms unsorted). Each index holds the sort's own
-- expression (index-queries.ts), so a page is read in order from the index; ties are put in Kiwire's order by
-- an incremental sort of the few rows that share a value.
CREATE INDEX "kiwire_index_accounts_sort_username_idx" ON "kiwire_index_accounts" ("connection_id", "kind", (lower(coalesce("username", ''))) COLLATE "C");--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_sort_full_name_idx" ON "kiwire_index_accounts" ("connection_id", "kind", (lower(coalesce("full_name", ''))) COLLATE "C");--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_sort_created_at_idx" ON "kiwire_index_accounts" ("connection_id", "kind", (lower(coalesce("created_at", ''))) COLLATE "C");--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_sort_expires_at_idx" ON "kiwire_index_accounts" ("connection_id", "kind", (lower(coalesce("expires_at", ''))) COLLATE "C");
