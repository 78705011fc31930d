package org.ws2.notifications.group;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works on a group's assignments, on either side of its comment threads, as far as this service
 * can know: the actors (tokens' {@code sub}) of the internal assignment events, each on the side its
 * action belongs to. Tokens' roles are not in the events, so the side is what the person did: support
 * triages and asks for sign-off; the group's editor answers, sets priorities and reports progress.
 */
@Repository
@RequiredArgsConstructor
public class GroupParticipants {

    /** The two sides of an assignment's comment thread. */
    public enum Side {
        SUPPORT,
        GROUP
    }

    private final JdbcClient jdbc;

    @Transactional(propagation = Propagation.MANDATORY)
    public void acted(String groupId, String person, Side side, Instant at) {
        if (person == null || person.isBlank()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO group_participant (group_id, person, side, last_acted_at) VALUES (:group, :person, :side, :at)
                ON CONFLICT (group_id, side, person)
                DO UPDATE SET last_acted_at = greatest(group_participant.last_acted_at, EXCLUDED.last_acted_at)""")
                .param("group", groupId).param("person", person).param("side", side.name())
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * The people who have acted on the group's assignments, by side (each side present, maybe empty):
     * one read answers both who a comment tells and which side its author is on.
     */
    public Map<Side, List<String>> of(String groupId) {
        Map<Side, List<String>> bySide = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            bySide.put(side, new ArrayList<>());
        }
        jdbc.sql("SELECT side, person FROM group_participant WHERE group_id = :group ORDER BY person")
                .param("group", groupId)
                .query(rs -> {
                    bySide.get(Side.valueOf(rs.getString("side"))).add(rs.getString("person"));
                });
        return bySide;
    }
}
