-- Each recommendation as the events on ws2.recommendations.v1 describe it: the reports' common
-- read model. Filled only by the event consumer; it can be rebuilt by replaying the topic.
CREATE TABLE recommendation (
    id         TEXT        PRIMARY KEY,
    topic      TEXT        NOT NULL,
    title      TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    -- The aggregate version of the last applied event: an event not newer than this is stale.
    version    BIGINT      NOT NULL,
    -- When the last applied event happened (its CloudEvents time), not when it was consumed, so
    -- that a replay gives the same answers.
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX recommendation_status ON recommendation (status);
