CREATE TABLE "history_in_flight" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "history_in_flight_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"kind" text NOT NULL,
	"action" text NOT NULL,
	"items" jsonb NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settle_after" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "history_created_idx";--> statement-breakpoint
CREATE INDEX "history_in_flight_user_idx" ON "history_in_flight" USING btree ("username");--> statement-breakpoint
CREATE INDEX "history_created_idx" ON "history_entries" USING brin ("created_at");--> statement-breakpoint
-- Entries recorded whole, and their requests' in-flight rows gone, in one call
-- (lib/api/history/change-queries.ts, insertEntries). In a function, PostgreSQL plans these
-- statements once per connection rather than on every call: on the embedded database, planning
-- was a fifth of what recording an acquire cost. Owner changes and tags that were done become the
-- last-seen owners (the later one when an attribute changed twice in the batch).
CREATE FUNCTION "history_record_entries"("p_requests" jsonb, "p_flights" bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM history_in_flight WHERE id = ANY(p_flights);
  WITH recorded AS (
    INSERT INTO history_entries AS h
      (username, kind, attribute, label, action, day, owner_before, owner_after, outcome,
        error_code, request_id, settle_after)
    SELECT r.username, r.kind, e.attribute,
      coalesce(e.label, seen.label, nullif(e.attribute, ''), ''),
      r.action, e.day,
      CASE WHEN r.kind = 'change' THEN seen.owner END,
      CASE WHEN r.kind = 'change' AND e.outcome = 'refused' THEN seen.owner ELSE e.owner_after END,
      e.outcome, e.error_code, r.request_id, e.settle_after
    FROM ROWS FROM (jsonb_to_recordset(p_requests)
        AS (username text, kind text, action text, request_id text, items jsonb))
      WITH ORDINALITY AS r(username, kind, action, request_id, items, n)
    CROSS JOIN LATERAL ROWS FROM (jsonb_to_recordset(r.items)
        AS (attribute text, label text, day date, outcome text, owner_after text, error_code text,
          settle_after timestamptz))
      WITH ORDINALITY AS e(attribute, label, day, outcome, owner_after, error_code, settle_after, n)
    LEFT JOIN last_seen_owners seen
      ON seen.username = r.username AND seen.attribute = e.attribute
    ORDER BY r.n, e.n
    RETURNING h.id, h.username, h.kind, h.action, h.attribute, h.label, h.outcome, h.owner_after
  )
  INSERT INTO last_seen_owners AS seen (username, attribute, label, owner, active)
  SELECT DISTINCT ON (r.username, r.attribute) r.username, r.attribute, r.label, r.owner_after,
    r.owner_after IS NOT NULL
  FROM recorded r
  WHERE r.outcome = 'done' AND (r.kind = 'change' OR r.action = 'create') AND r.attribute <> ''
  ORDER BY r.username, r.attribute, r.id DESC
  ON CONFLICT (username, attribute) DO UPDATE
  SET label = excluded.label, owner = excluded.owner, active = excluded.active
  WHERE (seen.label, seen.owner, seen.active)
    IS DISTINCT FROM (excluded.label, excluded.owner, excluded.active);
END
$$;
