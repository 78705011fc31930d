-- The eight WS2 topics; a recommendation's id starts with its topic's prefix.
CREATE TABLE topic (
    prefix TEXT PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    notes  TEXT
);

-- A recommendation's current state. Every column is also kept, per version, in
-- recommendation_change.after_state, which is what history and "as of" reads answer from.
CREATE TABLE recommendation (
    id                     TEXT PRIMARY KEY,
    topic_prefix           TEXT        NOT NULL REFERENCES topic (prefix),
    title                  TEXT        NOT NULL,
    summary                TEXT        NOT NULL DEFAULT '',
    ownership              TEXT        NOT NULL DEFAULT 'ORG',
    shared_with            JSONB       NOT NULL DEFAULT '[]',
    implementers           JSONB       NOT NULL DEFAULT '[]',
    target_quarter         TEXT,
    tags                   JSONB       NOT NULL DEFAULT '[]',
    source                 TEXT,
    verification           TEXT,
    status                 TEXT        NOT NULL DEFAULT 'NOT_STARTED',
    coordination           TEXT        NOT NULL DEFAULT 'NONE',
    coordination_rationale TEXT,
    coordination_set_by    TEXT,
    coordination_set_at    TIMESTAMPTZ,
    depends_on             JSONB       NOT NULL DEFAULT '[]',
    evidence_count         INT         NOT NULL DEFAULT 0,
    retired_at             TIMESTAMPTZ,
    retired_reason         TEXT,
    retired_by             TEXT,
    version                BIGINT      NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT recommendation_id_in_topic CHECK (id LIKE topic_prefix || '.%')
);

-- Every change to a recommendation: who made it, when, why, and its state before and after.
CREATE TABLE recommendation_change (
    id                BIGSERIAL PRIMARY KEY,
    recommendation_id TEXT        NOT NULL REFERENCES recommendation (id),
    version           BIGINT      NOT NULL,
    kind              TEXT        NOT NULL,
    actor             TEXT        NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    note              TEXT,
    before_state      JSONB,
    after_state       JSONB       NOT NULL,
    UNIQUE (recommendation_id, version)
);
CREATE INDEX recommendation_change_as_of ON recommendation_change (changed_at, recommendation_id);

-- Implementation evidence; an uploaded document is stored in the database so that it survives a
-- restart and any replica can serve it.
CREATE TABLE evidence_document (
    id           UUID PRIMARY KEY,
    file_name    TEXT   NOT NULL,
    content_type TEXT   NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       TEXT   NOT NULL,
    content      BYTEA  NOT NULL
);

CREATE TABLE evidence (
    id                UUID PRIMARY KEY,
    recommendation_id TEXT        NOT NULL REFERENCES recommendation (id),
    title             TEXT        NOT NULL,
    url               TEXT,
    document_id       UUID REFERENCES evidence_document (id),
    evidence_date     DATE        NOT NULL,
    note              TEXT,
    added_by          TEXT        NOT NULL,
    added_at          TIMESTAMPTZ NOT NULL,
    removed_by        TEXT,
    removed_at        TIMESTAMPTZ,
    CONSTRAINT evidence_has_url_or_document CHECK (url IS NOT NULL OR document_id IS NOT NULL)
);
CREATE INDEX evidence_recommendation ON evidence (recommendation_id);
