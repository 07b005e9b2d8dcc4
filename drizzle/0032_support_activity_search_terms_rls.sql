-- The tenant wall on the support-activity log and the search vocabulary (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('support_activity'::regclass);
--> statement-breakpoint
SELECT cairn_enable_tenant_rls('help_search_terms'::regclass);
--> statement-breakpoint
-- Keeps help_search_terms true on every write to a published article: each lexeme of `search` (title,
-- keywords and body, stemmed) counts the published articles holding it, and the empty lexeme (which no
-- tsvector holds) counts the published articles themselves: IDF's denominator, read in one index probe. Runs as the writer (cairn_app in the
-- app, under the same tenant setting), so the vocabulary never crosses the wall. Lexemes are applied in
-- sorted order so two saves in one workspace lock shared rows in the same order (no deadlock).
CREATE OR REPLACE FUNCTION cairn_articles_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_terms text[] := '{}';
  new_terms text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
    old_terms := array_prepend('', tsvector_to_array(OLD.search));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
    new_terms := array_prepend('', tsvector_to_array(NEW.search));
  END IF;
  IF TG_OP = 'UPDATE' AND old_terms = new_terms AND OLD.tenant_id = NEW.tenant_id THEN
    RETURN NULL;
  END IF;
  IF cardinality(old_terms) > 0 THEN
    UPDATE help_search_terms t SET article_count = t.article_count - 1
      FROM (SELECT l FROM unnest(old_terms) l
            EXCEPT SELECT l FROM unnest(new_terms) l WHERE NEW.tenant_id = OLD.tenant_id
            ORDER BY 1) gone
      WHERE t.tenant_id = OLD.tenant_id AND t.lexeme = gone.l;
    DELETE FROM help_search_terms t WHERE t.tenant_id = OLD.tenant_id AND t.article_count <= 0;
  END IF;
  IF cardinality(new_terms) > 0 THEN
    INSERT INTO help_search_terms AS t (tenant_id, lexeme, article_count)
      SELECT NEW.tenant_id, added.l, 1
      FROM (SELECT l FROM unnest(new_terms) l
            EXCEPT SELECT l FROM unnest(old_terms) l WHERE NEW.tenant_id = OLD.tenant_id
            ORDER BY 1) added
      ORDER BY added.l
      ON CONFLICT (tenant_id, lexeme) DO UPDATE SET article_count = t.article_count + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER articles_search_terms
  AFTER INSERT OR DELETE OR UPDATE OF status, title, keywords, body_markdown, tenant_id ON articles
  FOR EACH ROW EXECUTE FUNCTION cairn_articles_search_terms();
--> statement-breakpoint
-- Articles published before this migration.
INSERT INTO help_search_terms (tenant_id, lexeme, article_count)
  SELECT a.tenant_id, l, count(*) FROM articles a, unnest(array_prepend('', tsvector_to_array(a.search))) l
  WHERE a.status = 'published' GROUP BY a.tenant_id, l;
