-- Saved views (issue: saved views for every list): a list's filters, sort, page size and columns under a
-- name. Private to their owner, or shared with everybody; they go with their owner.
CREATE TABLE "saved_views" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "owner_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  "table_id" text NOT NULL,
  "name" text NOT NULL,
  "query" text NOT NULL,
  "columns" jsonb NOT NULL,
  "shared" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- "Open calls" and "open calls" would be two entries nobody can tell apart in the menu.
CREATE UNIQUE INDEX "saved_views_owner_table_name" ON "saved_views" ("owner_id", "table_id", lower("name"));
--> statement-breakpoint
CREATE INDEX "saved_views_shared_table" ON "saved_views" ("table_id") WHERE "shared";
