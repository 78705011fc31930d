package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.ws2.groups.support.GroupsApiTestBase;

/** A list of assignments brings their comment threads in one query, however long the list. */
class CommentThreadsIT extends GroupsApiTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void aGroupsAssignmentsWithCommentsAreReadInTwoStatements() throws Exception {
        knownRecommendations("8.6.1", "8.6.2", "8.6.3", "8.6.4");
        post("/api/assignments/bulk", staff(), """
                {"idPrefix":"8.6","groupIds":["NARALO"]}""").andExpect(status().isOk());
        for (String id : List.of("8.6.1", "8.6.2", "8.6.3")) {
            post("/api/groups/NARALO/assignments/" + id + "/comments", staff(), "{\"text\":\"About " + id + "\"}")
                    .andExpect(status().isCreated());
        }
        post("/api/groups/NARALO/assignments/8.6.2/comments", editorOf("NARALO"), "{\"text\":\"Second\"}")
                .andExpect(status().isCreated());

        List<String> statements = new ArrayList<>();
        AssignmentRepository repository = new AssignmentRepository(JdbcClient.create(counting(statements)));

        List<Assignment> active = repository.activeForGroup("NARALO").stream()
                .filter(a -> a.recommendationId().startsWith("8.6.")).toList();
        assertThat(active).extracting(a -> a.comments().size()).containsExactly(1, 2, 1, 0);
        assertThat(active.get(1).comments()).extracting(c -> c.text()).containsExactly("About 8.6.2", "Second");
        assertThat(statements).as("one for the assignments, one for all their comments").hasSize(2);

        statements.clear();
        AssignmentPage page = repository.search(new AssignmentFilter("NARALO", null, null, null, null), 0, 50);
        assertThat(page.items()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(statements).as("the count, the page, and the page's comments").hasSize(3);
    }

    /** The application's own connections, with every statement prepared on them written down. */
    private DataSource counting(List<String> statements) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                                statements.add(sql);
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
