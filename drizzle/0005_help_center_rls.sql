-- The tenant wall on every help-center table (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'article_categories', 'article_sections', 'articles', 'article_versions', 'article_feedback',
  'help_links', 'help_searches'
]) AS t;
