-- The audit log's actor and target searches match anywhere in the text (ILIKE '%…%'), which no B-tree index
-- serves: at 300,000 events a page read every event, 230 ms for an actor and 820 ms for a target (issue 15).
-- Trigram indexes serve those patterns once they hold three characters or more. pg_trgm ships with PostgreSQL
-- (Debian's package includes it; some distributions split it into postgresql-contrib) and has been trusted
-- since PostgreSQL 13, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The B-tree on actor_label served no query: the search is its only use, and it matches anywhere in the text.
DROP INDEX IF EXISTS "audit_events_actor_idx";--> statement-breakpoint
CREATE INDEX "audit_events_actor_trgm_idx" ON "audit_events" USING gin ("actor_label" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_events_target_connection_trgm_idx" ON "audit_events" USING gin ("target_connection" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_events_target_resource_trgm_idx" ON "audit_events" USING gin ("target_resource" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_events_target_id_trgm_idx" ON "audit_events" USING gin ("target_id" gin_trgm_ops);
