-- Contacts (chair, liaison, support staff...) and, for cross-community structures, the
-- representatives of other groups. Kept as JSON: they are always read and replaced with the group.
ALTER TABLE responsible_group
    ADD COLUMN contacts       JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN members        JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN retired        BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN retired_reason TEXT;

-- Who changed a group, when and why.
CREATE TABLE group_change (
    id         BIGSERIAL   PRIMARY KEY,
    group_id   TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    kind       TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    note       TEXT,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX group_change_group ON group_change (group_id, id);

-- This service's own copy of the recommendation catalogue, kept from ws2.recommendations.v1 so that
-- assigning never needs a call to the recommendations service. version is the recommendation's.
CREATE TABLE known_recommendation (
    id           TEXT        PRIMARY KEY,
    topic_prefix TEXT,
    topic        TEXT,
    title        TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    coordination TEXT,
    retired      BOOLEAN     NOT NULL DEFAULT false,
    version      BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ
);

-- One group's share of one recommendation.
CREATE TABLE assignment (
    group_id              TEXT        NOT NULL REFERENCES responsible_group (id),
    recommendation_id     TEXT        NOT NULL REFERENCES known_recommendation (id),
    applicability_note    TEXT,
    triage                TEXT        NOT NULL,
    priority              TEXT,
    effort                TEXT,
    urgency               TEXT,
    priority_draft        BOOLEAN     NOT NULL DEFAULT false,
    not_applicable_reason TEXT,
    progress              TEXT        NOT NULL DEFAULT 'NOT_STARTED',
    progress_note         TEXT,
    evidence_url          TEXT,
    version               BIGINT      NOT NULL DEFAULT 0,
    created_by            TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_by            TEXT        NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, recommendation_id)
);
CREATE INDEX assignment_recommendation ON assignment (recommendation_id);

CREATE TABLE assignment_comment (
    id                UUID        PRIMARY KEY,
    group_id          TEXT        NOT NULL,
    recommendation_id TEXT        NOT NULL,
    author            TEXT        NOT NULL,
    text              TEXT        NOT NULL,
    reply_to          UUID REFERENCES assignment_comment (id),
    created_at        TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (group_id, recommendation_id) REFERENCES assignment (group_id, recommendation_id)
);
CREATE INDEX assignment_comment_assignment ON assignment_comment (group_id, recommendation_id, created_at);

-- Every step of an assignment: who, when, what and why.
CREATE TABLE assignment_change (
    id                BIGSERIAL   PRIMARY KEY,
    group_id          TEXT        NOT NULL,
    recommendation_id TEXT        NOT NULL,
    version           BIGINT      NOT NULL,
    kind              TEXT        NOT NULL,
    triage_from       TEXT,
    triage_to         TEXT,
    actor             TEXT        NOT NULL,
    note              TEXT,
    changed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX assignment_change_assignment ON assignment_change (group_id, recommendation_id, id);
