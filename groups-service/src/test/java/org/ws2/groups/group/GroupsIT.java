package org.ws2.groups.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class GroupsIT {

    private static final int REFERENCE_GROUPS = 36;

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceGroupsLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void allReferenceGroupsAreLoadedAtStartBoardFirst() throws Exception {
        mvc.perform(get("/api/groups"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(REFERENCE_GROUPS))
                .andExpect(jsonPath("$.items.length()").value(REFERENCE_GROUPS))
                .andExpect(jsonPath("$.items[0].id").value("BOARD"))
                .andExpect(jsonPath("$.items[-1].kind").value("ORG_FUNCTION"));
    }

    @Test
    void loadingAgainAddsNothingAndFailsNothing() {
        assertThat(loader.load()).isZero();
        assertThat(loader.load()).isZero();

        assertThat(rowCount()).isEqualTo(REFERENCE_GROUPS);
    }

    @Test
    void replicasLoadingAtTheSameTimeNeitherFailNorDuplicate() {
        // Groups no other test assigns work to: assignments refer to their group.
        jdbc.sql("DELETE FROM responsible_group WHERE id IN ('ORG-IT', 'ORG-MEET')").update();
        jdbc.sql("DELETE FROM ws2_change WHERE aggregate_type = 'group' AND aggregate_id IN ('ORG-IT', 'ORG-MEET')")
                .update();

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(loader::load);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(loader::load);

        assertThat(first.join() + second.join()).isEqualTo(2);
        assertThat(rowCount()).isEqualTo(REFERENCE_GROUPS);
    }

    /**
     * The first replica's seed still open when the second's has waited longer than a request may wait
     * for a lock (lock_timeout, 2 s): the second waits on, then adds nothing. Without the seed lock it
     * failed with SQL state 55P03 after 2 s, and the service's start with it.
     */
    @Test
    void aReplicaWaitsForASlowFirstSeedPastTheRequestLockTimeout() throws Exception {
        jdbc.sql("DELETE FROM responsible_group WHERE id IN ('ORG-IT', 'ORG-MEET')").update();
        jdbc.sql("DELETE FROM ws2_change WHERE aggregate_type = 'group' AND aggregate_id IN ('ORG-IT', 'ORG-MEET')")
                .update();
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first replica's seed, its transaction held open after the inserts as on a slow start
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            int added = loader.load();
            firstLoaded.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return added;
        }));
        try {
            assertThat(firstLoaded.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(loader::load);

            await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                      AND now() - query_start > interval '3 seconds'""").query(Long.class).single() > 0);
            assertThat(second).as("the second seed is still waiting, past the 2 s lock_timeout").isNotDone();
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(second.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(rowCount()).isEqualTo(REFERENCE_GROUPS);
        } finally {
            release.countDown();
        }
    }

    @Test
    void loadingAgainKeepsEditsMadeSinceTheFirstLoad() {
        String original = jdbc.sql("SELECT name FROM responsible_group WHERE id = 'GAC'").query(String.class).single();
        jdbc.sql("UPDATE responsible_group SET name = 'GAC (renamed)', version = version + 1 WHERE id = 'GAC'")
                .update();
        try {
            loader.load();

            assertThat(jdbc.sql("SELECT name FROM responsible_group WHERE id = 'GAC'").query(String.class).single())
                    .isEqualTo("GAC (renamed)");
        } finally {
            jdbc.sql("UPDATE responsible_group SET name = :name, version = 0 WHERE id = 'GAC'")
                    .param("name", original).update();
        }
    }

    @Test
    void oneGroupWithItsNoteAndParent() throws Exception {
        mvc.perform(get("/api/groups/GNSO-Council"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value("GNSO-Council"))
                .andExpect(jsonPath("$.name").value("GNSO Council"))
                .andExpect(jsonPath("$.kind").value("SO"))
                .andExpect(jsonPath("$.parent").value("GNSO"))
                .andExpect(jsonPath("$.source").value(Matchers.startsWith("https://community.icann.org/")))
                .andExpect(jsonPath("$.note").value("Council assigned WS2 review work to its CCOICI committee"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aTopLevelGroupWithoutNoteHasNullParentAndNoNote() throws Exception {
        mvc.perform(get("/api/groups/BOARD"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parent").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.note").doesNotExist());
    }

    @Test
    void unknownGroupIsA404Problem() throws Exception {
        mvc.perform(get("/api/groups/NO-SUCH-GROUP"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("NO-SUCH-GROUP")));
    }

    @Test
    void filtersByKind() throws Exception {
        mvc.perform(get("/api/groups").param("kind", "GNSO_C"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.containsInAnyOrder("BC", "IPC", "ISPCP", "NCUC", "NPOC")))
                .andExpect(jsonPath("$.items[*].kind").value(Matchers.everyItem(Matchers.is("GNSO_C"))));
    }

    @Test
    void filtersByParent() throws Exception {
        mvc.perform(get("/api/groups").param("parent", "ALAC"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains("AFRALO", "APRALO", "EURALO", "LACRALO", "NARALO")));
    }

    @Test
    void combinesFilters() throws Exception {
        mvc.perform(get("/api/groups").param("kind", "SO").param("parent", "GNSO"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains("GNSO-Council")));
    }

    @Test
    void unknownKindIsA400ProblemNamingTheParameter() throws Exception {
        mvc.perform(get("/api/groups").param("kind", "CLUB"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-input"))
                .andExpect(jsonPath("$.field").value("kind"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/groups'].get").exists())
                .andExpect(jsonPath("$.paths['/api/groups/{id}'].get").exists());
    }

    private long rowCount() {
        return jdbc.sql("SELECT count(*) FROM responsible_group").query(Long.class).single();
    }
}
