-- Engagement items name the ICANN public meeting they were part of (ICANN71) and the community groups
-- involved. Versions recorded from events written before both existed have neither.
ALTER TABLE engagement_version
    ADD COLUMN meeting   TEXT,
    ADD COLUMN group_ids TEXT[] NOT NULL DEFAULT '{}';
