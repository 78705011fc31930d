package org.ws2.reporting.stream;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.UnreadableEventException;
import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.reporting.evidence.EvidenceLog;
import org.ws2.service.events.PollTransactions;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores every public event, of every family, for the public stream, with what is not published
 * data removed ({@link PublicEventFilter}); and keeps the evidence log, which needs the evidence
 * events themselves rather than the snapshot the recommendation read model keeps. A consumer group
 * of its own: it reads the recommendations topic besides the read model's group, and a group's
 * partitions must not be split between two listeners of one topic. A poll is stored in one
 * transaction, under one lock ({@link PollTransactions}, as the read models' listeners do).
 */
@Component
@RequiredArgsConstructor
class PublicEventsListener {

    static final String GROUP = "reporting-service.public-events";
    static final String LISTENER_ID = "reporting.public-events";
    private static final PollTransactions.Listener LISTENER = new PollTransactions.Listener(LISTENER_ID, GROUP);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicEventsListener.class);

    private final EventCodec codec;
    private final JsonMapper json;
    private final PublicEventStore store;
    private final EvidenceLog evidence;
    private final PollTransactions polls;

    @KafkaListener(id = LISTENER_ID, groupId = GROUP, batch = "true",
            topics = { Topics.RECOMMENDATIONS, Topics.GROUPS, Topics.ASSIGNMENTS, Topics.ENGAGEMENTS },
            containerPostProcessor = PollTransactions.CONTAINER_POST_PROCESSOR)
    public void onPoll(List<ConsumerRecord<String, String>> records) {
        polls.apply(LISTENER, records, store::lockAppends, this::store);
    }

    private void store(ConsumerRecord<String, String> record) {
        CloudEvent event;
        ObjectNode tree;
        Ws2Event decoded;
        try {
            tree = (ObjectNode) json.readTree(record.value());
            event = codec.read(tree);
            // Empty for a type this version does not know: still a public event, still streamed.
            decoded = codec.decode(event).orElse(null);
        } catch (UnreadableEventException | JacksonException | ClassCastException e) {
            // The read-model consumers park it on the dead-letter topic; parking it twice would only confuse.
            log.warn("Not publishing an unreadable record of {}: {}", record.topic(), e.getMessage());
            return;
        }
        Instant recorded = event.recordedat() != null ? event.recordedat() : event.time();
        String publicJson = json.writeValueAsString(PublicEventFilter.publicCopy(tree));
        if (!store.append(event.id(), record.topic(), event.type(), event.subject(), event.time(), recorded,
                publicJson)) {
            return; // delivered before
        }
        if (decoded instanceof RecommendationEvents.EvidenceAdded added && added.evidence() != null) {
            evidence.added(event.subject(), added.evidence(), event.time());
        } else if (decoded instanceof RecommendationEvents.EvidenceRemoved removed) {
            evidence.removed(event.subject(), removed.evidenceId(), event.time());
        }
    }
}
