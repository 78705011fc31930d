-- Issue 20. A comment on an assignment is told to the other side of its thread, and an email sent
-- because of a subscription can be unsubscribed from with one click.

-- Who has acted on a group's assignments, and on which side: support (triage, sign-off requests,
-- revisions) or the group's editor (sign-off answers, priorities, progress). Learnt from the actors of
-- the internal assignment events; the public topics carry none.
CREATE TABLE group_participant (
    group_id       TEXT        NOT NULL,
    person         TEXT        NOT NULL,
    side           TEXT        NOT NULL CHECK (side IN ('SUPPORT', 'GROUP')),
    last_acted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, side, person)
);
-- Whoever asked for a sign-off still unanswered worked with that group as support.
INSERT INTO group_participant (group_id, person, side, last_acted_at)
SELECT DISTINCT ON (group_id, requested_by) group_id, requested_by, 'SUPPORT', requested_at
FROM pending_sign_off WHERE requested_by IS NOT NULL
ORDER BY group_id, requested_by, requested_at DESC;

-- A notice addressed to many (a group's editors, a role) that one of them must not see: a comment's
-- author among the audience is not told of their own comment.
ALTER TABLE notice ADD COLUMN not_for TEXT;

-- The key of the unsubscribe links' HMAC (one row): made by the first replica that needs it, shared by all.
CREATE TABLE unsubscribe_key (
    id  INT   PRIMARY KEY CHECK (id = 1),
    key BYTEA NOT NULL
);

-- The one-click unsubscribe URL (RFC 8058) of an email sent because of a subscription; null for the rest.
ALTER TABLE email ADD COLUMN unsubscribe_url TEXT;
