-- people.quote_count and organizations.quote_count follow the quotes table, so a speaker's
-- totalCount is one row read instead of a count over every quote. Statement-level triggers
-- with transition tables keep bulk inserts cheap: one grouped update per statement.
CREATE FUNCTION quotegraph_count_speaker_quotes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE people SET quote_count = people.quote_count - gone.n
    FROM (SELECT speaker_person_id AS id, count(*) AS n FROM old_quotes WHERE speaker_person_id IS NOT NULL GROUP BY 1) AS gone
    WHERE people.id = gone.id;
    UPDATE organizations SET quote_count = organizations.quote_count - gone.n
    FROM (SELECT speaker_organization_id AS id, count(*) AS n FROM old_quotes WHERE speaker_organization_id IS NOT NULL GROUP BY 1) AS gone
    WHERE organizations.id = gone.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE people SET quote_count = people.quote_count + came.n
    FROM (SELECT speaker_person_id AS id, count(*) AS n FROM new_quotes WHERE speaker_person_id IS NOT NULL GROUP BY 1) AS came
    WHERE people.id = came.id;
    UPDATE organizations SET quote_count = organizations.quote_count + came.n
    FROM (SELECT speaker_organization_id AS id, count(*) AS n FROM new_quotes WHERE speaker_organization_id IS NOT NULL GROUP BY 1) AS came
    WHERE organizations.id = came.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER quotes_count_after_insert AFTER INSERT ON quotes
  REFERENCING NEW TABLE AS new_quotes FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_count_speaker_quotes();
--> statement-breakpoint
CREATE TRIGGER quotes_count_after_update AFTER UPDATE ON quotes
  REFERENCING OLD TABLE AS old_quotes NEW TABLE AS new_quotes FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_count_speaker_quotes();
--> statement-breakpoint
CREATE TRIGGER quotes_count_after_delete AFTER DELETE ON quotes
  REFERENCING OLD TABLE AS old_quotes FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_count_speaker_quotes();
