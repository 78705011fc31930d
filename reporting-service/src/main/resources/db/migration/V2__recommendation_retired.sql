-- A retired recommendation is no longer counted in reports; its row stays so that a later event
-- (or a replay) is still compared against the version held.
ALTER TABLE recommendation ADD COLUMN retired BOOLEAN NOT NULL DEFAULT false;
