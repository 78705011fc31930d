-- The W3C trace context (traceparent, and tracestate when there is one) current when the event was
-- written, i.e. the request's: the relay sends the row inside that trace, so its Kafka record's
-- traceparent, and every consumer's work, belong to the request's trace. Null for rows written
-- before this column existed or outside any trace; those are sent in a trace of their own.
ALTER TABLE ws2_outbox ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
-- A parked event keeps its context, so that one moved back into ws2_outbox still joins its trace.
ALTER TABLE ws2_outbox_parked ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
