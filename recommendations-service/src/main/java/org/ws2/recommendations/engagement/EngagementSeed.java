package org.ws2.recommendations.engagement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ws2.service.seeding.SeedLock;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records the engagement items of the WS2 implementation update for Q2 2021 (the WS2-IT meeting
 * of 7 May 2021 and ICANN's webinar of 25 May 2021), so that a fresh system starts with them. Each
 * has a fixed id derived from its key, and is only added if no item has that id: a restart, or a
 * second replica starting at the same moment (it waits for the first's commit: {@link SeedLock}),
 * changes nothing, and an item a user edited or removed is never restored. It runs after the
 * catalogue seed, since an item may name recommendations.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@RequiredArgsConstructor
class EngagementSeed implements ApplicationRunner {

    static final String ACTOR = "ws2-seed";
    static final String RESOURCE = "ws2/engagements.json";

    private static final Logger log = LoggerFactory.getLogger(EngagementSeed.class);

    private final Engagements engagements;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    /** The fixed id of a seeded item: a name-based UUID of its key. */
    static UUID idOf(String key) {
        return UUID.nameUUIDFromBytes(("urn:ws2:engagement:" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        SeedLock.holdUntilCommit(jdbc, "engagements");
        int added = 0;
        for (SeedEngagement seed : read().engagements()) {
            EngagementContent content = new EngagementContent(seed.kind(), seed.title(), seed.heldOn(),
                    seed.description(), seed.links(), seed.recommendationIds(), seed.meeting(), seed.groupIds());
            if (engagements.record(idOf(seed.key()), content, ACTOR).isPresent()) {
                added++;
            }
        }
        log.info("WS2 engagement seed: {} engagement items added", added);
    }

    private SeedFile read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the WS2 seed data " + RESOURCE, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedFile(List<SeedEngagement> engagements) {
    }

    /** {@code meeting} and {@code groupIds} may be left out: the Q2 2021 items were at no ICANN public meeting. */
    record SeedEngagement(String key, Kind kind, String title, LocalDate heldOn, String description,
            List<Link> links, List<String> recommendationIds, String meeting, List<String> groupIds) {
    }
}
