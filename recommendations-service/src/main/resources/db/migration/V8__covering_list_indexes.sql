-- Lists read only indexes for the rows they skip and count (issue 23). A numbered page walks its
-- OFFSET; it now walks it over an index-only scan that yields just each row's id and sort keys (a
-- "deferred join": RecommendationRepository then reads the page's rows by id). PostgreSQL scans an index
-- only when every column the query names is in it, so each index below also carries, as INCLUDE
-- columns, the id and what the filters compare: the sort indexes (which cover retired recommendations
-- too) retired_at and each filter's column, so that any filter walks any order in the index; the filter
-- indexes (partial on retired_at IS NULL, which the predicate answers) the other filters' columns and
-- updated_at, so that two filters, or one sorted by update, are answered from the index too. Same names
-- and the same orders as V7's indexes, their keys now the stored columns below; wider entries, and one
-- index more (recommendation_counted). ListQueryPlansIT checks that the scans are index-only.

-- Values the lists compute from a row, stored once per write instead of on every row a list reads:
-- order_key, recommendation_order(id) (V7), the order of ids that every sort ends with; it is PL/pgSQL,
-- about 5 us a call, so a plan that sorted 10,000 rows by it spent 50 ms calling it. title_lower,
-- summary_lower and tags_lower, what words and tags are matched against and the title sort's key:
-- lower() costs about 2 us a value, so a common word's count, which reads every row, spent most of
-- its time in it. The same values as the expressions gave (lower() under the database's collation),
-- so the matches and orders are the same. The tag and trigram indexes move onto the stored values.
ALTER TABLE recommendation
    ADD COLUMN order_key INT[] GENERATED ALWAYS AS (recommendation_order(id)) STORED,
    ADD COLUMN title_lower TEXT GENERATED ALWAYS AS (lower(title)) STORED,
    ADD COLUMN summary_lower TEXT GENERATED ALWAYS AS (lower(summary)) STORED,
    ADD COLUMN tags_lower JSONB GENERATED ALWAYS AS (lower(tags::text)::jsonb) STORED;
DROP INDEX recommendation_tags;
DROP INDEX recommendation_title_words;
DROP INDEX recommendation_summary_words;
CREATE INDEX recommendation_tags ON recommendation USING gin (tags_lower jsonb_path_ops);
CREATE INDEX recommendation_title_words ON recommendation USING gin (title_lower gin_trgm_ops);
CREATE INDEX recommendation_summary_words ON recommendation USING gin (summary_lower gin_trgm_ops);

DROP INDEX recommendation_numeric_id;
DROP INDEX recommendation_title;
DROP INDEX recommendation_updated_at;
DROP INDEX recommendation_status_order;
DROP INDEX recommendation_target_quarter_order;
DROP INDEX recommendation_status;
DROP INDEX recommendation_topic;
DROP INDEX recommendation_ownership;
DROP INDEX recommendation_coordination;
DROP INDEX recommendation_target_quarter;
DROP INDEX recommendation_programme;

CREATE INDEX recommendation_numeric_id ON recommendation (order_key)
    INCLUDE (id, retired_at, programme, topic_prefix, status, ownership, coordination, target_quarter);
CREATE INDEX recommendation_title ON recommendation (title_lower COLLATE "C", order_key)
    INCLUDE (id, retired_at, programme, topic_prefix, status, ownership, coordination, target_quarter);
CREATE INDEX recommendation_updated_at ON recommendation (updated_at, order_key)
    INCLUDE (id, retired_at, programme, topic_prefix, status, ownership, coordination, target_quarter);
-- the statuses in the lifecycle's order (RecommendationStatus); a new status needs a new index
CREATE INDEX recommendation_status_order ON recommendation (
    (array_position(ARRAY['NOT_STARTED','PLANNING','IN_PROGRESS','DOCUMENTING','IMPLEMENTED','ON_HOLD']::text[], status)),
    order_key) INCLUDE (id, retired_at, programme, topic_prefix, status, ownership, coordination, target_quarter);
CREATE INDEX recommendation_target_quarter_order ON recommendation (
    (target_quarter IS NULL), (COALESCE(target_quarter, '') COLLATE "C"), order_key)
    INCLUDE (id, retired_at, programme, topic_prefix, status, ownership, coordination, target_quarter);

CREATE INDEX recommendation_status ON recommendation (status, order_key)
    INCLUDE (id, programme, topic_prefix, ownership, coordination, target_quarter, updated_at) WHERE retired_at IS NULL;
CREATE INDEX recommendation_topic ON recommendation (topic_prefix, order_key)
    INCLUDE (id, programme, status, ownership, coordination, target_quarter, updated_at) WHERE retired_at IS NULL;
CREATE INDEX recommendation_ownership ON recommendation (ownership, order_key)
    INCLUDE (id, programme, topic_prefix, status, coordination, target_quarter, updated_at) WHERE retired_at IS NULL;
CREATE INDEX recommendation_coordination ON recommendation (coordination, order_key)
    INCLUDE (id, programme, topic_prefix, status, ownership, target_quarter, updated_at) WHERE retired_at IS NULL;
CREATE INDEX recommendation_target_quarter ON recommendation (target_quarter, order_key)
    INCLUDE (id, programme, topic_prefix, status, ownership, coordination, updated_at) WHERE retired_at IS NULL;
CREATE INDEX recommendation_programme ON recommendation (programme, order_key)
    INCLUDE (id, topic_prefix, status, ownership, coordination, target_quarter, updated_at) WHERE retired_at IS NULL;

-- The total of a list of most of the catalogue (no filter, a common status, includeRetired) is a
-- count of most rows: of plain columns that repeat, so that the index is a few deduplicated pages
-- and PostgreSQL counts it index-only instead of reading every row of the table.
CREATE INDEX recommendation_counted ON recommendation (status, programme, retired_at);

-- An index-only scan reads the table for the rows of pages changed since the last VACUUM (the visibility
-- map), so autovacuum visits the catalogue after 2 % of it changed or was added rather than 20 %: at
-- 13,600 recommendations some 270 writes, a few milliseconds of its work on a table of a few megabytes.
ALTER TABLE recommendation SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
