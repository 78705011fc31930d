-- The summary (how many of a programme's recommendations are in each status, and when the newest change
-- happened) is read far more often than the catalogue changes: the overview follows it live. Counting the
-- read model on every read grew with the catalogue (a sequential scan: 7 ms at 17,000 recommendations, 40 ms
-- at 40,000), so the counts are kept here instead, by the table's own triggers: the live consumer's upsert and
-- a hand-made correction keep them alike, and a read sees the counts of the same snapshot as the rows.
--
-- Each change adds to its connection's row (backend pid modulo 64, as the catalogue's generation does in the
-- recommendations service) so that consumers applying events side by side (replicas, a rebalance) seldom wait
-- for one another's row until commit, and never lock two rows in opposite orders unless their pids collide. A
-- status's count is the sum of its rows; one row may be negative (a recommendation counted in by one connection
-- and out by another).
CREATE TABLE recommendation_status_count (
    programme TEXT   NOT NULL,
    status    TEXT   NOT NULL,
    shard     INT    NOT NULL,
    -- recommendations in this status that are not retired: what the summary counts
    counted   BIGINT NOT NULL,
    PRIMARY KEY (programme, status, shard)
);
INSERT INTO recommendation_status_count (programme, status, shard, counted)
    SELECT programme, status, 0, count(*) FILTER (WHERE NOT retired) FROM recommendation GROUP BY programme, status;

CREATE FUNCTION count_recommendation_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.retired THEN
        INSERT INTO recommendation_status_count AS c (programme, status, shard, counted)
            VALUES (OLD.programme, OLD.status, pg_backend_pid() % 64, -1)
            ON CONFLICT (programme, status, shard) DO UPDATE SET counted = c.counted - 1;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.retired THEN
        INSERT INTO recommendation_status_count AS c (programme, status, shard, counted)
            VALUES (NEW.programme, NEW.status, pg_backend_pid() % 64, 1)
            ON CONFLICT (programme, status, shard) DO UPDATE SET counted = c.counted + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION clear_recommendation_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM recommendation_status_count;
    RETURN NULL;
END
$$;

CREATE TRIGGER recommendation_counted_in AFTER INSERT OR DELETE ON recommendation
    FOR EACH ROW EXECUTE FUNCTION count_recommendation_status();
-- a new title or version alone moves no count
CREATE TRIGGER recommendation_counted_again AFTER UPDATE ON recommendation
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.retired IS DISTINCT FROM NEW.retired
                       OR OLD.programme IS DISTINCT FROM NEW.programme)
    EXECUTE FUNCTION count_recommendation_status();
CREATE TRIGGER recommendation_counts_cleared AFTER TRUNCATE ON recommendation
    FOR EACH STATEMENT EXECUTE FUNCTION clear_recommendation_status_counts();

-- "When the newest change happened" (the summary's asOf): the last entry of an index, not a scan. It also answers
-- whether a programme has any recommendation, the table's only other read, so the indexes the counting query used
-- (V1's status, V8's programme and status) serve nothing now, and each event no longer maintains them.
CREATE INDEX recommendation_programme_updated ON recommendation (programme, updated_at);
DROP INDEX recommendation_status;
DROP INDEX recommendation_programme_status;
