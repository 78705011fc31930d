-- Quarterly update editions (docs/adr/0031-quarterly-editions.md). The edition is the working copy: its
-- lifecycle and the team's sections. Its generated facts are not stored while it is a draft: they are built
-- from the read model on every read, so a draft always shows the latest history.
CREATE TABLE edition (
    quarter    TEXT        PRIMARY KEY,
    status     TEXT        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    version    BIGINT      NOT NULL,
    sections   JSONB       NOT NULL,
    -- the latest published revision; 0 until the edition is first published
    revision   INT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- A published revision, frozen: its content and every format rendered once, at publishing, and never
-- rewritten. Later history (back-dated changes included) changes the read model, not these rows; a
-- correction adds the next revision.
CREATE TABLE edition_revision (
    quarter         TEXT        NOT NULL REFERENCES edition (quarter),
    revision        INT         NOT NULL CHECK (revision >= 1),
    published_at    TIMESTAMPTZ NOT NULL,
    published_by    TEXT        NOT NULL,
    correction_note TEXT,
    content         TEXT        NOT NULL,
    html            TEXT        NOT NULL,
    markdown        TEXT        NOT NULL,
    pdf             BYTEA       NOT NULL,
    pptx            BYTEA       NOT NULL,
    PRIMARY KEY (quarter, revision)
);

-- Every change to an edition: who, when, what and why. Publishing and corrections also go through the
-- change log (ws2_change) with their event; drafting and review send no event, so they are kept here.
CREATE TABLE edition_change (
    id          BIGSERIAL   PRIMARY KEY,
    quarter     TEXT        NOT NULL REFERENCES edition (quarter),
    version     BIGINT      NOT NULL,
    kind        TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    note        TEXT,
    recorded_at TIMESTAMPTZ NOT NULL,
    UNIQUE (quarter, version)
);
