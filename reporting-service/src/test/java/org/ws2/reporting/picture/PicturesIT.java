package org.ws2.reporting.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.ws2.contracts.group.GroupKind;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.ServiceIntegrationTest;

/**
 * A picture is read from the version tables once per change: asked again, or as of another instant by which
 * nothing else had taken effect, the same one answers; any change, by an event or by hand, is seen at once.
 */
@ServiceIntegrationTest
class PicturesIT {

    @Autowired
    Pictures pictures;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPictureIsReadOncePerChangeAndEveryChangeIsSeen() {
        WorldFeed feed = new WorldFeed(kafka);
        feed.registerGroup("PICTURE-1", "First picture group", GroupKind.AC, Instant.parse("2023-03-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> has(pictures.at(Instant.now()), "PICTURE-1"));

        Picture now = pictures.at(Instant.now());
        Picture again = pictures.at(Instant.now());
        assertThat(again.groups()).as("read once").isSameAs(now.groups());
        Picture sameDay = pictures.at(Instant.parse("2023-03-01T12:00:00Z"));
        Picture nextDay = pictures.at(Instant.parse("2023-03-02T12:00:00Z"));
        assertThat(nextDay.groups()).as("nothing took effect in between").isSameAs(sameDay.groups());
        assertThat(nextDay.asOf()).isEqualTo(Instant.parse("2023-03-02T12:00:00Z"));

        feed.registerGroup("PICTURE-2", "Second picture group", GroupKind.AC, Instant.parse("2023-03-01T11:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> has(pictures.at(Instant.now()), "PICTURE-2"));
        assertThat(pictures.cachedGenerations()).as("the pictures read before the change are let go").hasSize(1);
        assertThat(has(pictures.at(Instant.parse("2023-03-02T12:00:00Z")), "PICTURE-2"))
                .as("a back-dated change reaches the cached past too").isTrue();

        // An operator's correction by hand, bypassing the consumers, is seen as well.
        jdbc.sql("DELETE FROM group_version WHERE id = 'PICTURE-2'").update();
        assertThat(has(pictures.at(Instant.now()), "PICTURE-2")).isFalse();
    }

    private static boolean has(Picture picture, String groupId) {
        return picture.groups().stream().anyMatch(g -> g.id().equals(groupId));
    }
}
