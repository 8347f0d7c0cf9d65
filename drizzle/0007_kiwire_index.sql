CREATE TABLE "kiwire_index_accounts" (
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"username" text NOT NULL,
	"position" integer NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"profile" text NOT NULL,
	"price" text NOT NULL,
	"status" text NOT NULL,
	"batch" text NOT NULL,
	"created_by" text NOT NULL,
	"remark" text NOT NULL,
	"created_at" text,
	"activated_at" text,
	"expires_at" text,
	"mac" text NOT NULL,
	"zone" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kiwire_index_accounts_connection_id_kind_username_pk" PRIMARY KEY("connection_id","kind","username")
);
--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_position_idx" ON "kiwire_index_accounts" USING btree ("connection_id","kind","position");
--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_batch_idx" ON "kiwire_index_accounts" USING btree ("connection_id","kind","batch");
--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_status_idx" ON "kiwire_index_accounts" USING btree ("connection_id","kind","status");
--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_profile_idx" ON "kiwire_index_accounts" USING btree ("connection_id","kind","profile");
--> statement-breakpoint
CREATE INDEX "kiwire_index_accounts_created_idx" ON "kiwire_index_accounts" USING btree ("connection_id","kind","created_at");
--> statement-breakpoint
CREATE TABLE "kiwire_index_tables" (
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"indexed_at" timestamp with time zone NOT NULL,
	"rows_read" integer NOT NULL,
	"reported_total" integer,
	"complete" boolean NOT NULL,
	"batches" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kiwire_index_tables_connection_id_kind_pk" PRIMARY KEY("connection_id","kind")
);
--> statement-breakpoint
-- A removed connection drops its index. Not a foreign key, for the reason of migration 0005: connections
-- declared in CONNECTIONS_FILE have no row in "connections". A trigger of its own rather than another line in
-- 0005's function, so the two migrations never have to agree on that function's text.
CREATE OR REPLACE FUNCTION connections_delete_kiwire_index() RETURNS trigger AS $$
BEGIN
  DELETE FROM kiwire_index_accounts WHERE connection_id = OLD.id;
  DELETE FROM kiwire_index_tables WHERE connection_id = OLD.id;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER connections_delete_kiwire_index
  AFTER DELETE ON connections
  FOR EACH ROW EXECUTE FUNCTION connections_delete_kiwire_index();
