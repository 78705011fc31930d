-- Editions per programme (issue 21, docs/adr/0031-quarterly-editions.md, amendment): each programme has its own
-- edition of a quarter, with its own lifecycle, versions and revisions, so that publishing ATRT3's 2021-Q2 leaves
-- WS2's as it is. Every edition held so far is WS2's: there was no other before programmes.
ALTER TABLE edition_revision DROP CONSTRAINT edition_revision_quarter_fkey;
ALTER TABLE edition_change DROP CONSTRAINT edition_change_quarter_fkey;

ALTER TABLE edition ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2';
ALTER TABLE edition_revision ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2';
ALTER TABLE edition_change ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2';
-- from now on every write names its programme
ALTER TABLE edition ALTER COLUMN programme DROP DEFAULT;
ALTER TABLE edition_revision ALTER COLUMN programme DROP DEFAULT;
ALTER TABLE edition_change ALTER COLUMN programme DROP DEFAULT;

ALTER TABLE edition DROP CONSTRAINT edition_pkey, ADD PRIMARY KEY (programme, quarter);
ALTER TABLE edition_revision DROP CONSTRAINT edition_revision_pkey, ADD PRIMARY KEY (programme, quarter, revision),
    ADD FOREIGN KEY (programme, quarter) REFERENCES edition (programme, quarter);
ALTER TABLE edition_change DROP CONSTRAINT edition_change_quarter_version_key, ADD UNIQUE (programme, quarter, version),
    ADD FOREIGN KEY (programme, quarter) REFERENCES edition (programme, quarter);
