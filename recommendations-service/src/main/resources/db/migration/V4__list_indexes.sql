-- List requests filter, sort and page in SQL (RecommendationSearch). These indexes serve the
-- default order (numeric id) and the common filters without reading the whole catalogue; partial on
-- retired_at IS NULL because lists leave retired recommendations out unless asked.
CREATE INDEX recommendation_numeric_id ON recommendation ((string_to_array(id, '.')::int[])) WHERE retired_at IS NULL;
CREATE INDEX recommendation_status ON recommendation (status, (string_to_array(id, '.')::int[])) WHERE retired_at IS NULL;
CREATE INDEX recommendation_topic ON recommendation (topic_prefix, (string_to_array(id, '.')::int[])) WHERE retired_at IS NULL;
CREATE INDEX recommendation_updated_at ON recommendation (updated_at) WHERE retired_at IS NULL;
CREATE INDEX recommendation_title ON recommendation ((lower(title) COLLATE "C")) WHERE retired_at IS NULL;
