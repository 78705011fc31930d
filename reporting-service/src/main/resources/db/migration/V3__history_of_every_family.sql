-- History for "as of" reports: one row per applied version of each aggregate, with the time the
-- change took effect (CloudEvents time) and the time the system learnt it (recordedat, or time
-- for events that do not carry it). "As of T" is, per aggregate, the latest version whose
-- effective_at <= T. Filled only by the event consumers; rebuilt by replaying the topics.

CREATE TABLE recommendation_version (
    id            TEXT        NOT NULL,
    version       BIGINT      NOT NULL,
    effective_at  TIMESTAMPTZ NOT NULL,
    topic_prefix  TEXT,
    topic         TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    ownership     TEXT,
    target_quarter TEXT,
    status        TEXT        NOT NULL,
    coordination  TEXT        NOT NULL,
    coordination_rationale TEXT,
    depends_on    TEXT[]      NOT NULL,
    retired       BOOLEAN     NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX recommendation_version_effective ON recommendation_version (id, effective_at DESC, version DESC);

-- Groups without contacts or member emails: reports publish nothing personal.
CREATE TABLE group_version (
    id           TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    effective_at TIMESTAMPTZ NOT NULL,
    name         TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    parent       TEXT,
    retired      BOOLEAN     NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX group_version_effective ON group_version (id, effective_at DESC, version DESC);

CREATE TABLE assignment_version (
    id                TEXT        NOT NULL,
    version           BIGINT      NOT NULL,
    effective_at      TIMESTAMPTZ NOT NULL,
    event_type        TEXT        NOT NULL,
    group_id          TEXT        NOT NULL,
    recommendation_id TEXT        NOT NULL,
    -- From the assignment's own snapshot, so that a report can name a recommendation even as of a
    -- time before the catalogue's registration event took effect.
    recommendation_title TEXT,
    topic             TEXT,
    triage            TEXT        NOT NULL,
    priority          TEXT,
    effort            TEXT,
    urgency           TEXT,
    priority_draft    BOOLEAN     NOT NULL,
    not_applicable_reason TEXT,
    progress          TEXT        NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX assignment_version_effective ON assignment_version (id, effective_at DESC, version DESC);
CREATE INDEX assignment_version_time ON assignment_version (effective_at);

CREATE TABLE engagement_version (
    id                 TEXT        NOT NULL,
    version            BIGINT      NOT NULL,
    effective_at       TIMESTAMPTZ NOT NULL,
    kind               TEXT        NOT NULL,
    title              TEXT        NOT NULL,
    held_on            DATE,
    description        TEXT,
    links              JSONB       NOT NULL,
    recommendation_ids TEXT[]      NOT NULL,
    removed            BOOLEAN     NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX engagement_version_effective ON engagement_version (id, effective_at DESC, version DESC);

-- Evidence of implementation, from evidence-added / evidence-removed events.
CREATE TABLE evidence (
    recommendation_id TEXT        NOT NULL,
    evidence_id       TEXT        NOT NULL,
    title             TEXT,
    url               TEXT,
    evidence_date     DATE,
    added_at          TIMESTAMPTZ NOT NULL,
    removed_at        TIMESTAMPTZ,
    PRIMARY KEY (recommendation_id, evidence_id)
);

-- The public event stream (/api/events/stream): every event of the four public families, in the
-- order this service stored them, with personal data removed. seq is the SSE event id.
CREATE TABLE public_event (
    seq         BIGSERIAL   PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    time        TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    event       TEXT        NOT NULL
);
CREATE INDEX public_event_recorded ON public_event (recorded_at);
