-- Whom a group judges an assignment to be for, and the child groups it handed it down to (issue 21), from
-- each assignment event's snapshot. Versions recorded from events written before both existed are the
-- group's own, handed to nobody: GROUP and none.
ALTER TABLE assignment_version
    ADD COLUMN scope        TEXT   NOT NULL DEFAULT 'GROUP',
    ADD COLUMN delegated_to TEXT[] NOT NULL DEFAULT '{}';
