-- Pictures (reporting's "as of" reads) are cached. A cached picture is still right while this counter has not
-- moved: every statement that changes one of the four version tables moves it, in its own transaction (a
-- trigger, so a hand-made correction counts too), and a rebuild moves it when it swaps the tables. A sequence
-- would not do: its numbers are handed out before commit, and commits may land in another order, so "the
-- highest number seen" can miss a change committed later with a lower one.
CREATE TABLE read_model_generation (
    only_row   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    generation BIGINT NOT NULL
);
INSERT INTO read_model_generation VALUES (TRUE, 0);

CREATE FUNCTION advance_read_model_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE read_model_generation SET generation = generation + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER read_model_generation AFTER INSERT OR UPDATE OR DELETE ON recommendation_version
    FOR EACH STATEMENT EXECUTE FUNCTION advance_read_model_generation();
CREATE TRIGGER read_model_generation AFTER INSERT OR UPDATE OR DELETE ON group_version
    FOR EACH STATEMENT EXECUTE FUNCTION advance_read_model_generation();
CREATE TRIGGER read_model_generation AFTER INSERT OR UPDATE OR DELETE ON assignment_version
    FOR EACH STATEMENT EXECUTE FUNCTION advance_read_model_generation();
CREATE TRIGGER read_model_generation AFTER INSERT OR UPDATE OR DELETE ON engagement_version
    FOR EACH STATEMENT EXECUTE FUNCTION advance_read_model_generation();

-- "The latest change effective by T" for each family, which tells two as-of instants with the same picture apart.
CREATE INDEX recommendation_version_time ON recommendation_version (effective_at);
CREATE INDEX group_version_time ON group_version (effective_at);
CREATE INDEX engagement_version_time ON engagement_version (effective_at);
