-- The page sections each person folded away (issue 18 point 1): a row means folded, so the default is open.
CREATE TABLE "user_collapsed_sections" (
  "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  "section_id" text NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("user_id", "section_id")
);
