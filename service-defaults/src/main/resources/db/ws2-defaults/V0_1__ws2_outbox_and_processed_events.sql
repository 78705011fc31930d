-- Shared by every service (from ws2-service-defaults). Versions 0.x are reserved for this module so
-- that they sort before each service's own V1, V2, ... migrations.

-- The transactional outbox: an event is written here in the same transaction as the change it
-- describes and relayed to Kafka afterwards, so neither can exist without the other.
CREATE TABLE ws2_outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX ws2_outbox_unpublished ON ws2_outbox (id) WHERE published_at IS NULL;

-- Events a consumer has applied, recorded in the same transaction as the read-model change so that
-- a redelivered event changes nothing.
CREATE TABLE ws2_processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
