-- The eight WS2 topics; a recommendation's id starts with its topic's prefix.
CREATE TABLE topic (
    prefix TEXT PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    notes  TEXT
);

CREATE TABLE recommendation (
    id           TEXT PRIMARY KEY,
    topic_prefix TEXT        NOT NULL REFERENCES topic (prefix),
    title        TEXT        NOT NULL,
    summary      TEXT        NOT NULL DEFAULT '',
    implementers JSONB       NOT NULL DEFAULT '[]',
    source       TEXT,
    verification TEXT,
    status       TEXT        NOT NULL DEFAULT 'NOT_STARTED',
    version      BIGINT      NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT recommendation_id_in_topic CHECK (id LIKE topic_prefix || '.%')
);
CREATE INDEX recommendation_topic ON recommendation (topic_prefix);
CREATE INDEX recommendation_status ON recommendation (status);

-- Every change to a recommendation, who made it, when and why: the audit trail.
CREATE TABLE recommendation_change (
    id                BIGSERIAL PRIMARY KEY,
    recommendation_id TEXT        NOT NULL REFERENCES recommendation (id),
    version           BIGINT      NOT NULL,
    kind              TEXT        NOT NULL,
    actor             TEXT        NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    note              TEXT,
    before_state      JSONB,
    after_state       JSONB,
    UNIQUE (recommendation_id, version)
);
