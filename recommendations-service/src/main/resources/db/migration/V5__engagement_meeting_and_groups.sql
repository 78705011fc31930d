-- An engagement item names the ICANN public meeting it was part of (ICANN numbers them: ICANN71 was
-- June 2021) and the community groups involved. The groups belong to the groups service, so their ids
-- are kept as given (no foreign key), in the order given; items recorded before this have neither.
ALTER TABLE engagement
    ADD COLUMN meeting   TEXT
        CONSTRAINT engagement_meeting CHECK (meeting ~ '^ICANN[1-9][0-9]*$'),
    ADD COLUMN group_ids TEXT[] NOT NULL DEFAULT '{}';

-- GET /api/engagements?meeting=…&groupId=…
CREATE INDEX engagement_by_meeting ON engagement (meeting) WHERE removed_at IS NULL AND meeting IS NOT NULL;
CREATE INDEX engagement_by_group ON engagement USING gin (group_ids) WHERE removed_at IS NULL;
