-- Trigram similarity for near-miss job search ("javascrpt" finds "JavaScript"). pg_trgm ships with
-- PostgreSQL (and the embedded-postgres binaries) and is a trusted extension, so a database owner may
-- create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
