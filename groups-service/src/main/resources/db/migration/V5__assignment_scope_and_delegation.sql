-- Whom a group judges an assignment to be for (issue 21): the group itself (GROUP, every assignment made
-- before this), its child groups (CHILDREN) or the community as a whole (COMMUNITY); and, when the group
-- handed it down, the child groups it was handed to (each has an assignment of its own), in the order handed.
-- Kept as JSON like a group's contacts: always read and replaced with the assignment, never searched.
ALTER TABLE assignment
    ADD COLUMN scope        TEXT  NOT NULL DEFAULT 'GROUP'
        CONSTRAINT assignment_scope_known CHECK (scope IN ('GROUP', 'CHILDREN', 'COMMUNITY')),
    ADD COLUMN delegated_to JSONB NOT NULL DEFAULT '[]';
