-- Rows kept per connection id go when an admin removes the connection: its cached KalliopePBX days and its
-- Kayako staff mappings. Not foreign keys: connections declared in CONNECTIONS_FILE have no row in
-- "connections", yet their day cache and staff mappings live in these tables under the same kind of id.
CREATE OR REPLACE FUNCTION connections_delete_dependents() RETURNS trigger AS $$
BEGIN
  DELETE FROM kalliope_cdr_days WHERE connection_id = OLD.id;
  DELETE FROM kayako_staff_map WHERE connection_id = OLD.id;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER connections_delete_dependents
  AFTER DELETE ON connections
  FOR EACH ROW EXECUTE FUNCTION connections_delete_dependents();
--> statement-breakpoint
-- The day cache now keeps the PBX's own answer (compressed) instead of the console's JSON: drop the old rows,
-- which are only a cache and are fetched again when asked for.
DELETE FROM kalliope_cdr_days;
