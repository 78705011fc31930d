-- An event goes out twice under one id: its public copy on the family's public topic and the whole
-- event on the internal twin (docs/adr/0027-public-and-internal-topics.md). An id is unique per topic.
ALTER TABLE ws2_outbox DROP CONSTRAINT ws2_outbox_event_id_key;
ALTER TABLE ws2_outbox ADD CONSTRAINT ws2_outbox_event_id_topic_key UNIQUE (event_id, topic);
ALTER TABLE ws2_outbox_parked DROP CONSTRAINT ws2_outbox_parked_event_id_key;
ALTER TABLE ws2_outbox_parked ADD CONSTRAINT ws2_outbox_parked_event_id_topic_key UNIQUE (event_id, topic);
