-- Notices are addressed: the global anonymous list of V1 goes away (issue 10). Versions applied per
-- aggregate are kept by service-defaults' EventConsumer (ws2_consumed_version).
DROP TABLE notification;
DROP TABLE recommendation_version;

-- One notice per (event, audience). An audience is a person ("person:<sub>"), a group's editors
-- ("group-editors:<groupId>") or a role ("role:support-staff"); a token places its bearer in some.
CREATE TABLE notice (
    id                UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id          TEXT        NOT NULL,
    audience          TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    subject           TEXT        NOT NULL,
    message           TEXT        NOT NULL,
    link              TEXT,
    recommendation_id TEXT,
    group_id          TEXT,
    actor             TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (event_id, audience)
);
CREATE INDEX notice_by_audience ON notice (audience, created_at DESC, id DESC);

-- Read state is per person, also for notices addressed to an audience of many.
CREATE TABLE notice_read (
    notice_id UUID        NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
    person    TEXT        NOT NULL,
    read_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (notice_id, person)
);

-- What this service knows of each group, from the snapshots on ws2.groups.v1.
CREATE TABLE known_group (
    group_id TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    kind     TEXT,
    retired  BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE group_contact (
    group_id TEXT NOT NULL REFERENCES known_group (group_id) ON DELETE CASCADE,
    position INT  NOT NULL,
    name     TEXT,
    email    TEXT,
    role     TEXT,
    PRIMARY KEY (group_id, position)
);

-- What a person follows and how; or, for kind WEBHOOK, a system an admin registered.
CREATE TABLE subscription (
    id                 UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner              TEXT        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('PERSON', 'WEBHOOK')),
    channels           JSONB       NOT NULL DEFAULT '[]',
    cadence            TEXT        NOT NULL DEFAULT 'IMMEDIATE',
    email              TEXT,
    group_ids          JSONB       NOT NULL DEFAULT '[]',
    recommendation_ids JSONB       NOT NULL DEFAULT '[]',
    topics             JSONB       NOT NULL DEFAULT '[]',
    event_types        JSONB       NOT NULL DEFAULT '[]',
    engagement_kinds   JSONB       NOT NULL DEFAULT '[]',
    url                TEXT,
    secret             TEXT,
    enabled            BOOLEAN     NOT NULL DEFAULT true,
    disabled_reason    TEXT,
    version            BIGINT      NOT NULL DEFAULT 1,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX subscription_by_owner ON subscription (owner, created_at);

-- Emails to send, kept until the SMTP server accepted them. dedupe_key makes one email per
-- (event, recipient) or per (digest subscription, period).
CREATE TABLE email (
    id              UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    dedupe_key      TEXT        NOT NULL UNIQUE,
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    text_body       TEXT        NOT NULL,
    html_body       TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX email_due ON email (next_attempt_at) WHERE sent_at IS NULL;

-- Notices waiting for a person's daily or weekly digest.
CREATE TABLE digest_item (
    subscription_id UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    message         TEXT        NOT NULL,
    link            TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    digested_at     TIMESTAMPTZ,
    PRIMARY KEY (subscription_id, event_id)
);

-- One webhook message per (subscription, event); its id is the webhook-id receivers dedupe by.
CREATE TABLE webhook_delivery (
    id              TEXT        PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    abandoned_at    TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE TABLE webhook_attempt (
    delivery_id TEXT        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     INT         NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    status      INT,
    error       TEXT,
    PRIMARY KEY (delivery_id, attempt)
);

-- Sign-off requests not yet answered, for reminders and support's overdue list.
CREATE TABLE pending_sign_off (
    assignment_id       TEXT        PRIMARY KEY,
    group_id            TEXT        NOT NULL,
    recommendation_id   TEXT        NOT NULL,
    recommendation_title TEXT,
    requested_at        TIMESTAMPTZ NOT NULL,
    requested_by        TEXT,
    reminded_at         TIMESTAMPTZ
);

-- db-scheduler's table (its PostgreSQL DDL): reminders and digests run once across replicas.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
