-- The groups responsible for implementing WS2 recommendations ("group" is a reserved word).
CREATE TABLE responsible_group (
    id         TEXT        PRIMARY KEY,
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    -- Usually another group's id, but not a foreign key: org functions sit under "ICANN org",
    -- which is an umbrella, not a group that is assigned work.
    parent     TEXT,
    source     TEXT,
    note       TEXT,
    -- Optimistic-concurrency version: 0 as loaded or created, +1 on every change.
    version    BIGINT      NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX responsible_group_kind ON responsible_group (kind);
CREATE INDEX responsible_group_parent ON responsible_group (parent);
