-- Live events for GraphQL subscriptions: every write path (the API, the ingest CLI through the
-- server's socket or straight into PostgreSQL, another instance, psql) passes the database, so
-- the database announces what was written. NOTIFY is delivered when the transaction commits
-- (never for one rolled back), to every session listening on the channel: each server instance
-- listens once. Payloads carry ids only; subscribers load rows through the ordinary read path.
-- One notification per statement and 500 ids, so an article ingested with 50 quotes is one
-- event, and no payload nears PostgreSQL's 8000-byte limit.
CREATE FUNCTION quotegraph_announce_quotes_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chunk record;
BEGIN
  FOR chunk IN
    SELECT array_agg(id ORDER BY id) AS quotes, array_agg(DISTINCT article_id) AS articles
    FROM (SELECT id, article_id, (row_number() OVER (ORDER BY id) - 1) / 500 AS part FROM new_quotes) numbered
    GROUP BY part
  LOOP
    PERFORM pg_notify('quotegraph_events', json_build_object('quotes', chunk.quotes, 'articles', chunk.articles)::text);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER quotes_live_events AFTER INSERT ON quotes REFERENCING NEW TABLE AS new_quotes
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_announce_quotes_added();
--> statement-breakpoint
-- TG_ARGV[0] names the change: created, updated or deleted.
CREATE FUNCTION quotegraph_announce_articles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chunk record;
BEGIN
  FOR chunk IN
    SELECT array_agg(id ORDER BY id) AS ids
    FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 500 AS part FROM changed_articles) numbered
    GROUP BY part
  LOOP
    PERFORM pg_notify('quotegraph_events', json_build_object('articles', chunk.ids, 'change', TG_ARGV[0])::text);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER articles_live_created AFTER INSERT ON articles REFERENCING NEW TABLE AS changed_articles
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_announce_articles_changed('created');
--> statement-breakpoint
CREATE TRIGGER articles_live_updated AFTER UPDATE ON articles REFERENCING NEW TABLE AS changed_articles
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_announce_articles_changed('updated');
--> statement-breakpoint
CREATE TRIGGER articles_live_deleted AFTER DELETE ON articles REFERENCING OLD TABLE AS changed_articles
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_announce_articles_changed('deleted');
