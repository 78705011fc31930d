-- Events the relay could never send (e.g. larger than the broker accepts). They are moved here so
-- that one of them never holds back the events written after it; an operator looks at them, fixes
-- the cause and may copy them back into ws2_outbox.
CREATE TABLE ws2_outbox_parked (
    id          BIGINT      PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    parked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason      TEXT        NOT NULL
);
