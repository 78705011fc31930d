-- One row per event where there were two (docs/adr/0034-a-poll-per-transaction-and-one-outbox-row-per-event.md):
-- an event with an internal twin (ADR 0027) keeps its public copy in topic/payload and the whole event in
-- internal_topic/internal_payload, and the relay sends both. Null for an event on one topic only, and for
-- the rows written before (one per topic), which are sent as they are.
ALTER TABLE ws2_outbox ADD COLUMN internal_topic TEXT, ADD COLUMN internal_payload TEXT;
-- A parked event keeps both, so that one moved back into ws2_outbox still goes to both topics.
ALTER TABLE ws2_outbox_parked ADD COLUMN internal_topic TEXT, ADD COLUMN internal_payload TEXT;
ALTER TABLE ws2_outbox ADD CONSTRAINT ws2_outbox_internal_copy
    CHECK ((internal_topic IS NULL) = (internal_payload IS NULL));
