-- Programmes (issue 21): a recommendation belongs to WS2 or to another review tracked beside it
-- (ATRT3…); reports are one programme's (WS2's unless asked). Everything held so far is WS2's: events
-- before programmes carried none, and WS2's ids are the only ones without a programme code.
ALTER TABLE recommendation ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2';
ALTER TABLE recommendation_version ADD COLUMN programme TEXT NOT NULL DEFAULT 'WS2';
CREATE INDEX recommendation_programme_status ON recommendation (programme, status);
