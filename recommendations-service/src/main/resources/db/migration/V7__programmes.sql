-- Programmes (issue 21): the catalogue holds other reviews' recommendations (ATRT3, the CCT review…)
-- beside WS2's. A recommendation's programme is part of its id (org.ws2.contracts.recommendation.
-- Programmes): WS2's ids stay their numbers (1.1); another programme's are its code, a hyphen and its
-- own number (ATRT3-1.1), so ids never collide and stay URL-safe. Its topics are its own, their prefix
-- its code, a hyphen and the topic's number (ATRT3-1), so WS2's topics keep their prefixes; names are
-- unique within a programme (ATRT3 may have a Transparency topic too). Everything already here is WS2's.
ALTER TABLE topic ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2'
    CONSTRAINT topic_programme_code CHECK (programme ~ '^[A-Z][A-Z0-9]{1,15}$');
ALTER TABLE topic ADD CONSTRAINT topic_prefix_in_programme
    CHECK (CASE WHEN programme = 'WS2' THEN strpos(prefix, '-') = 0 ELSE prefix LIKE programme || '-%' END);
ALTER TABLE topic DROP CONSTRAINT topic_name_key;
ALTER TABLE topic ADD CONSTRAINT topic_name_in_programme UNIQUE (programme, name);

ALTER TABLE recommendation ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2';
ALTER TABLE recommendation ADD CONSTRAINT recommendation_id_in_programme
    CHECK (CASE WHEN programme = 'WS2' THEN strpos(id, '-') = 0 ELSE id LIKE programme || '-%' END);

-- The order of ids (RecommendationSearch.SortField.sql) is recommendation_order(id): for WS2's ids exactly
-- the key of before, string_to_array(id, '.')::int[], so WS2's order and its indexes' entries are as they
-- were; another programme's id sorts after every WS2 id (its first element is the largest int), then by
-- its code (one element per character, a 0 ending it, so ATRT comes before ATRT3) and then by its number,
-- as org.ws2.contracts.recommendation.Programmes.BY_ID orders ids in Java. The old key cannot read
-- ATRT3-1.1, so every index that ended with it is made again ending with this one.
CREATE FUNCTION recommendation_order(id TEXT) RETURNS INT[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    separator INT := strpos(id, '-');
    code      INT[] := ARRAY[2147483647];
BEGIN
    IF separator = 0 THEN
        RETURN string_to_array(id, '.')::INT[];
    END IF;
    FOR i IN 1 .. separator - 1 LOOP
        code := code || ascii(substr(id, i, 1));
    END LOOP;
    RETURN code || 0 || string_to_array(substr(id, separator + 1), '.')::INT[];
END
$$;

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

CREATE INDEX recommendation_numeric_id ON recommendation ((recommendation_order(id)));
CREATE INDEX recommendation_title ON recommendation ((lower(title) COLLATE "C"), (recommendation_order(id)));
CREATE INDEX recommendation_updated_at ON recommendation (updated_at, (recommendation_order(id)));
-- the statuses in the lifecycle's order (RecommendationStatus); a new status needs a new index
CREATE INDEX recommendation_status_order ON recommendation (
    (array_position(ARRAY['NOT_STARTED','PLANNING','IN_PROGRESS','DOCUMENTING','IMPLEMENTED','ON_HOLD']::text[], status)),
    (recommendation_order(id)));
CREATE INDEX recommendation_target_quarter_order ON recommendation (
    (target_quarter IS NULL), (COALESCE(target_quarter, '') COLLATE "C"), (recommendation_order(id)));

CREATE INDEX recommendation_status ON recommendation (status, (recommendation_order(id))) WHERE retired_at IS NULL;
CREATE INDEX recommendation_topic ON recommendation (topic_prefix, (recommendation_order(id))) WHERE retired_at IS NULL;
CREATE INDEX recommendation_ownership ON recommendation (ownership, (recommendation_order(id))) WHERE retired_at IS NULL;
CREATE INDEX recommendation_coordination ON recommendation (coordination, (recommendation_order(id))) WHERE retired_at IS NULL;
CREATE INDEX recommendation_target_quarter ON recommendation (target_quarter, (recommendation_order(id)))
    WHERE retired_at IS NULL;
-- GET /api/recommendations?programme=ATRT3: its matches in id order
CREATE INDEX recommendation_programme ON recommendation (programme, (recommendation_order(id))) WHERE retired_at IS NULL;
