-- GIN over plain values (the publication block next to the words of a job, see jobs_open_words_idx).
-- btree_gin ships with PostgreSQL and is a trusted extension.
CREATE EXTENSION IF NOT EXISTS btree_gin;
