-- Lists page by keyset (ListCursor): a page starts right after the last item of the one before, so
-- each sort order needs an index on its keys and the numeric id (RecommendationSearch.SortField), in
-- that order and on exactly those expressions; descending pages read the same index backwards. The
-- sort indexes cover retired recommendations too (includeRetired), and are not partial so that
-- PostgreSQL keeps statistics on their expressions. The filters each have an index that gives their
-- matches in id order (partial: lists leave retired recommendations out unless asked, and a count
-- of them reads only the index). ListQueryPlansIT explains every filter and sort against these.

-- Words in title or summary are found by trigram (LIKE '%words%'); pg_trgm is a trusted extension
-- since PostgreSQL 13, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

DROP INDEX recommendation_numeric_id;
DROP INDEX recommendation_title;
DROP INDEX recommendation_updated_at;

CREATE INDEX recommendation_numeric_id ON recommendation ((string_to_array(id, '.')::int[]));
CREATE INDEX recommendation_title ON recommendation ((lower(title) COLLATE "C"), (string_to_array(id, '.')::int[]));
CREATE INDEX recommendation_updated_at ON recommendation (updated_at, (string_to_array(id, '.')::int[]));
-- the statuses in the lifecycle's order (RecommendationStatus); a new status needs a new index
CREATE INDEX recommendation_status_order ON recommendation (
    (array_position(ARRAY['NOT_STARTED','PLANNING','IN_PROGRESS','DOCUMENTING','IMPLEMENTED','ON_HOLD']::text[], status)),
    (string_to_array(id, '.')::int[]));
-- nulls last: the flag first, so that no key is null and a cursor compares as one row
CREATE INDEX recommendation_target_quarter_order ON recommendation (
    (target_quarter IS NULL), (COALESCE(target_quarter, '') COLLATE "C"), (string_to_array(id, '.')::int[]));

CREATE INDEX recommendation_ownership ON recommendation (ownership, (string_to_array(id, '.')::int[])) WHERE retired_at IS NULL;
CREATE INDEX recommendation_coordination ON recommendation (coordination, (string_to_array(id, '.')::int[])) WHERE retired_at IS NULL;
CREATE INDEX recommendation_target_quarter ON recommendation (target_quarter, (string_to_array(id, '.')::int[])) WHERE retired_at IS NULL;
-- tags are matched case-insensitively: the array lower-cased as one JSON text
CREATE INDEX recommendation_tags ON recommendation USING gin ((lower(tags::text)::jsonb) jsonb_path_ops);
CREATE INDEX recommendation_title_words ON recommendation USING gin (lower(title) gin_trgm_ops);
CREATE INDEX recommendation_summary_words ON recommendation USING gin (lower(summary) gin_trgm_ops);
