-- A list's total is counted again only when the catalogue changed (issue 23: a common word's count reads
-- every row it matches, 9 ms at 13,600 recommendations, on every first page). ListTotals remembers each
-- count with the catalogue's generation, the sum of the rows below read in the same statement (one
-- snapshot), and answers from memory while a later read finds the same sum. Every statement that changes
-- a recommendation or a topic (a topic's name is a filter) adds one to a row in its own transaction, so
-- the sum a snapshot sees grows with each change it sees: two snapshots with the same sum see the same
-- changes, since a later snapshot sees all that an earlier one did. A sequence would not do: its values
-- are taken before commit, in another order than the commits.
--
-- The row a change adds to is its connection's (backend pid modulo 64), so that concurrent writers on the
-- pool's connections (consecutive pids) seldom wait for one another's row until commit.
CREATE TABLE catalogue_generation (
    shard      INT PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO catalogue_generation (shard, generation) SELECT s, 0 FROM generate_series(0, 63) s;

CREATE FUNCTION advance_catalogue_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_generation SET generation = generation + 1 WHERE shard = pg_backend_pid() % 64;
    RETURN NULL;
END
$$;

CREATE TRIGGER recommendation_advances_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recommendation
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
CREATE TRIGGER topic_advances_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON topic
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
