-- Issue 21. An email to a group's contact (sent because of their role, not a subscription) carries a
-- one-click unsubscribe too. The contacts are the groups service's; what this service stops is its own
-- mail to the address, for every group that names it. Addresses are kept in lower case.
CREATE TABLE contact_opt_out (
    address       TEXT        PRIMARY KEY,
    opted_out_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
