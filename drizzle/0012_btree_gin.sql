-- btree_gin lets a GIN index hold tenant_id beside a tsvector, so full-text search reads only the
-- workspace's own entries (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gin;
