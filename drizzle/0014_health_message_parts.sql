-- A connection's last check is read by people in their own language (issue 18 point 4): the message is kept as
-- its template and values too, so it is rendered when read. The English column stays for whoever reads the table.
ALTER TABLE "connection_health" ADD COLUMN "message_parts" jsonb;
