-- Engagement items: the meetings, webinars and other outreach of WS2 implementation, with links to
-- their materials. A removed item is kept (removed_at/removed_by) but no longer listed.
CREATE TABLE engagement (
    id          UUID PRIMARY KEY,
    kind        TEXT        NOT NULL
        CONSTRAINT engagement_kind CHECK (kind IN ('MEETING', 'WEBINAR', 'WORKSHOP', 'PUBLIC_COMMENT', 'OTHER')),
    title       TEXT        NOT NULL,
    held_on     DATE        NOT NULL,
    description TEXT,
    -- [{"title": ..., "url": ...}], in the order given
    links       JSONB       NOT NULL DEFAULT '[]',
    version     BIGINT      NOT NULL DEFAULT 0,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    removed_by  TEXT,
    removed_at  TIMESTAMPTZ,
    CONSTRAINT engagement_removal_complete CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE INDEX engagement_listed ON engagement (held_on DESC, created_at DESC) WHERE removed_at IS NULL;

-- The recommendations an engagement item concerns, in the order given.
CREATE TABLE engagement_recommendation (
    engagement_id     UUID NOT NULL REFERENCES engagement (id),
    recommendation_id TEXT NOT NULL REFERENCES recommendation (id),
    position          INT  NOT NULL,
    PRIMARY KEY (engagement_id, recommendation_id)
);
CREATE INDEX engagement_recommendation_by_recommendation ON engagement_recommendation (recommendation_id);
