package org.ws2.groups.group;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.group.GroupKind;
import org.ws2.service.seeding.SeedLock;
import org.ws2.service.versioning.Versions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the real WS2 groups ({@code ws2/groups.json}) at start, so that a fresh system is useful
 * rather than empty.
 *
 * <p>Safe to run on every start and on several replicas at once: a group already present is never
 * touched (so later edits stand), and replicas starting together take turns ({@link SeedLock}), so the
 * second waits for the first's commit and then finds nothing to add.
 * Readiness is reported only after runners finish, so no replica serves an empty list.
 */
@Component
@RequiredArgsConstructor
public class ReferenceGroupsLoader implements ApplicationRunner {

    static final String RESOURCE = "ws2/groups.json";

    private static final Logger log = LoggerFactory.getLogger(ReferenceGroupsLoader.class);

    /** The actor recorded for groups that came from the reference data rather than from a user. */
    static final String ACTOR = "reference-data";

    private final GroupEditing editing;
    private final JsonMapper jsonMapper;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Adds the reference groups that are missing, all or none; returns how many were added. */
    public int load() {
        List<ReferenceGroup> reference = read();
        // A template rather than @Transactional: run() calls this directly, past any proxy.
        int added = transaction.execute(status -> {
            SeedLock.holdUntilCommit(jdbc, "reference-groups");
            int inserted = 0;
            for (ReferenceGroup group : reference) {
                // Each added group is announced like a created one, so consumers learn the reference groups too.
                if (editing.register(group.toGroup(), ACTOR, "loaded from " + RESOURCE)) {
                    inserted++;
                }
            }
            return inserted;
        });
        log.info("Reference groups: {} in {}, {} added, {} already present", reference.size(), RESOURCE, added,
                reference.size() - added);
        return added;
    }

    private List<ReferenceGroup> read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return List.of(jsonMapper.readValue(in, ReferenceGroup[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * The reference groups take effect when the ICANN Board adopted the WS2 final report, so that
     * past facts about them (a 2021 sign-off, say) can be entered after them in order.
     */
    static final java.time.Instant WS2_ADOPTED = java.time.Instant.parse("2019-11-07T00:00:00Z");

    /** One entry of {@code groups.json}; unknown fields or kinds fail the start rather than load half a group. */
    record ReferenceGroup(String id, String name, GroupKind kind, String parent, String source, String note) {

        Group toGroup() {
            return new Group(id, name, kind, parent, source, note, List.of(), List.of(), false, null, 0,
                    WS2_ADOPTED);
        }
    }
}
