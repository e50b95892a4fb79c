-- The graph's version: raised once by every transaction that writes to a graph table, when it
-- commits. The response cache keeps the version an answer was read at and serves it only while
-- that is still the current version; because the raise commits with the data, a reader that sees
-- the new version also sees the write. Any writer takes part — the API, the CLI, another
-- instance, psql — since it is done here and not by the application.
INSERT INTO graph_version (id, version) VALUES (1, 0);
--> statement-breakpoint
-- Statement-level, so a bulk insert pays once; the transaction-local setting makes every later
-- statement of the same transaction a no-op (a rolled-back savepoint undoes it with its rows).
CREATE FUNCTION quotegraph_note_graph_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('quotegraph.graph_written', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('quotegraph.graph_written', 'on', true);
    INSERT INTO graph_pending_writes (transaction_id) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Deferred to the commit, so the single version row is locked only while the commit happens,
-- not for the whole write: concurrent writers do not queue behind each other's transactions.
CREATE FUNCTION quotegraph_raise_graph_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE graph_version SET version = version + 1 WHERE id = 1;
  DELETE FROM graph_pending_writes WHERE transaction_id = NEW.transaction_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER graph_pending_writes_at_commit AFTER INSERT ON graph_pending_writes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quotegraph_raise_graph_version();
--> statement-breakpoint
CREATE TRIGGER publishers_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON publishers
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER articles_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER people_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER organizations_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER affiliations_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON affiliations
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER quotes_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quotes
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER related_links_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON related_links
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
--> statement-breakpoint
CREATE TRIGGER mentions_graph_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentions
  FOR EACH STATEMENT EXECUTE FUNCTION quotegraph_note_graph_write();
