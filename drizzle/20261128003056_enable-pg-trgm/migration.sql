-- Trigram indexes on people and organization names need pg_trgm; drizzle-kit does not emit it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
