-- Issue 22 item 6. Filters become text arrays with GIN indexes, so that an event's subscriptions are
-- found by an indexed query instead of by reading every subscription; an email address other than
-- its owner's own is mailed nothing but a confirmation until the address confirms.

-- ALTER COLUMN ... TYPE cannot take a subquery, so each filter is copied into a new column.
ALTER TABLE subscription
    ADD COLUMN group_ids_a          TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN recommendation_ids_a TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN topics_a             TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN event_types_a        TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN engagement_kinds_a   TEXT[] NOT NULL DEFAULT '{}';
UPDATE subscription SET
    group_ids_a          = ARRAY(SELECT jsonb_array_elements_text(group_ids)),
    recommendation_ids_a = ARRAY(SELECT jsonb_array_elements_text(recommendation_ids)),
    topics_a             = ARRAY(SELECT jsonb_array_elements_text(topics)),
    event_types_a        = ARRAY(SELECT jsonb_array_elements_text(event_types)),
    engagement_kinds_a   = ARRAY(SELECT jsonb_array_elements_text(engagement_kinds));
ALTER TABLE subscription
    DROP COLUMN group_ids, DROP COLUMN recommendation_ids, DROP COLUMN topics, DROP COLUMN event_types,
    DROP COLUMN engagement_kinds;
ALTER TABLE subscription RENAME COLUMN group_ids_a TO group_ids;
ALTER TABLE subscription RENAME COLUMN recommendation_ids_a TO recommendation_ids;
ALTER TABLE subscription RENAME COLUMN topics_a TO topics;
ALTER TABLE subscription RENAME COLUMN event_types_a TO event_types;
ALTER TABLE subscription RENAME COLUMN engagement_kinds_a TO engagement_kinds;

-- A filter matches when it is empty ('{}') or overlaps the event's values (&&): GIN's array_ops
-- answer both, so each filter of the match is an index condition.
CREATE INDEX subscription_group_ids ON subscription USING GIN (group_ids) WHERE enabled;
CREATE INDEX subscription_recommendation_ids ON subscription USING GIN (recommendation_ids) WHERE enabled;
CREATE INDEX subscription_topics ON subscription USING GIN (topics) WHERE enabled;
CREATE INDEX subscription_event_types ON subscription USING GIN (event_types) WHERE enabled;
CREATE INDEX subscription_engagement_kinds ON subscription USING GIN (engagement_kinds) WHERE enabled;

-- Whether an address agreed to a person's subscriptions: one row per (owner, address), the address
-- in lower case. Only the SHA-256 of the emailed token is kept. An address the owner's token names as
-- theirs is confirmed at once. Addresses of subscriptions made before this are not confirmed: nobody
-- can tell whether their owners had the right to them; saving the subscription again asks.
CREATE TABLE email_consent (
    owner            TEXT        NOT NULL,
    address          TEXT        NOT NULL,
    confirmed_at     TIMESTAMPTZ,
    token_hash       TEXT        UNIQUE,
    token_expires_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, address)
);

-- When an address was last sent a confirmation, by anyone: at most one an hour (configurable), so
-- that asking cannot itself be used to flood an address.
CREATE TABLE confirmation_sent (
    address TEXT        PRIMARY KEY,
    sent_at TIMESTAMPTZ NOT NULL
);
