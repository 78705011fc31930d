-- The in-app inbox: one notification per event worth telling someone about.
CREATE TABLE notification (
    id                UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The event that caused it. Unique while the inbox is shared by everyone; once notifications
    -- are addressed to subscribers this becomes unique per (event, recipient).
    event_id          TEXT        NOT NULL UNIQUE,
    recommendation_id TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    message           TEXT        NOT NULL,
    -- Who made the change, when a person did.
    actor             TEXT
);

CREATE INDEX notification_newest_first ON notification (created_at DESC, id DESC);
CREATE INDEX notification_by_recommendation ON notification (recommendation_id, created_at DESC, id DESC);

-- The newest version of each recommendation seen on ws2.recommendations.v1, so that an older
-- status change arriving late is not announced as if it had just happened.
CREATE TABLE recommendation_version (
    recommendation_id TEXT   PRIMARY KEY,
    version           BIGINT NOT NULL
);
