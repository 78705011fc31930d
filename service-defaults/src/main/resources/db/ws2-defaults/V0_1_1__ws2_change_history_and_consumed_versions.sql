-- Shared by every service (from ws2-service-defaults). Versions 0.x sort before each service's own
-- migrations on a fresh database; on an existing one they run out of order (spring.flyway.out-of-order).

-- Every change to every aggregate a service owns, written by the one change path (ChangeLog) in the
-- same transaction as the change and its event. The snapshot is the aggregate's public shape after the
-- change, as its event carries it: history and "as of" reads answer from it.
CREATE TABLE ws2_change (
    id             BIGSERIAL PRIMARY KEY,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    version        BIGINT      NOT NULL,
    kind           TEXT        NOT NULL,
    actor          TEXT        NOT NULL,
    note           TEXT,
    effective_at   TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    event_id       TEXT,
    event_type     TEXT,
    snapshot       JSONB       NOT NULL,
    UNIQUE (aggregate_type, aggregate_id, version)
);
CREATE INDEX ws2_change_as_of ON ws2_change (aggregate_type, effective_at, aggregate_id);

-- The last version of each aggregate a consumer has applied: an event that is not newer is skipped.
CREATE TABLE ws2_consumed_version (
    consumer     TEXT   NOT NULL,
    aggregate_id TEXT   NOT NULL,
    version      BIGINT NOT NULL,
    PRIMARY KEY (consumer, aggregate_id)
);
