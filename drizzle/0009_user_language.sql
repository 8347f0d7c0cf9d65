-- Each person's interface language (issue 18 point 4). Null follows the browser's; the console reads any
-- value it does not know as null, so a language removed later needs no migration.
ALTER TABLE "users" ADD COLUMN "language" text;
