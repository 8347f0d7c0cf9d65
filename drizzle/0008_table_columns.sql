-- The column choice of each person per list (issue 16 point 1): a link without `cols` shows what they chose.
CREATE TABLE "user_table_columns" (
  "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  "table_id" text NOT NULL,
  "columns" jsonb NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("user_id", "table_id")
);
