CREATE TABLE "kalliope_cdr_days" (
	"cache_key" text NOT NULL,
	"connection_id" text NOT NULL,
	"day" text NOT NULL,
	"call_count" integer NOT NULL,
	"calls_gz" "bytea" NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kalliope_cdr_days_cache_key_day_pk" PRIMARY KEY("cache_key","day")
);
--> statement-breakpoint
CREATE INDEX "kalliope_cdr_days_connection_idx" ON "kalliope_cdr_days" USING btree ("connection_id");