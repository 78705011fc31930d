package org.ws2.localstack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.localstack.RepoFiles.REPO;
import static org.ws2.localstack.RepoFiles.dockerCompose;
import static org.ws2.localstack.RepoFiles.list;
import static org.ws2.localstack.RepoFiles.map;
import static org.ws2.localstack.RepoFiles.read;
import static org.ws2.localstack.RepoFiles.yaml;

/**
 * The operator files in ops/ are read by Prometheus and Grafana, which do not run here, so this checks
 * what would otherwise go stale unnoticed: the alert rules parse, each alert names a runbook that
 * exists, Prometheus scrapes every component, the dashboards parse, and every metric a dashboard or an
 * alert queries is one docs/metrics.md describes. (The rule syntax itself: promtool check rules.)
 */
class OpsFilesTest {

    static final Path ALERTS = REPO.resolve("ops/prometheus/alerts.yml");
    static final Path DASHBOARDS = REPO.resolve("ops/grafana/dashboards");
    /** The alerts issue 14 asks for; more may be added. */
    static final Set<String> REQUIRED_ALERTS = Set.of("Ws2OutboxStalled", "Ws2ConsumerLagGrowing",
            "Ws2DeadLettersAppearing", "Ws2CircuitBreakerOpen", "Ws2ErrorRateOverBudget", "Ws2ReadinessFlapping");
    static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "deriv", "delta", "changes", "histogram_quantile", "by", "without", "and", "or", "unless", "on",
            "ignoring", "group_left", "group_right", "bool", "offset", "topk", "bottomk", "abs", "clamp_min",
            "clamp_max", "max_over_time", "min_over_time", "avg_over_time", "sum_over_time", "vector", "scalar");
    static final List<String> TIMER_SUFFIXES = List.of("_count", "_sum", "_bucket", "_max");

    @Test
    void everyAlertHasAnExpressionAndARunbookThatExists() {
        List<Map<String, Object>> alerts = alerts();

        assertThat(alerts).extracting(a -> a.get("alert")).containsAll(REQUIRED_ALERTS);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat((String) alert.get("expr")).as(name).isNotBlank();
            String runbook = (String) map(alert.get("annotations")).get("runbook_url");
            assertThat(runbook).as(name + " runbook_url").isEqualTo("docs/runbooks/" + name + ".md");
            Path file = REPO.resolve(runbook);
            assertThat(file).as(name + " runbook").isRegularFile();
            assertThat(read(file)).as(name + " runbook").startsWith("# " + name + "\n").contains("**What to do.**");
        }
    }

    @Test
    void everyRunbookBelongsToAnAlert() throws IOException {
        Set<String> alertNames = new TreeSet<>();
        alerts().forEach(a -> alertNames.add((String) a.get("alert")));
        try (Stream<Path> runbooks = Files.list(REPO.resolve("docs/runbooks"))) {
            assertThat(runbooks.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")))
                    .allSatisfy(r -> assertThat(alertNames).as("alerts naming runbook " + r).contains(r));
        }
    }

    @Test
    void alertsQueryOnlyDocumentedMetrics() {
        Set<String> documented = documentedMetrics();
        for (Map<String, Object> alert : alerts()) {
            assertThat(metricsIn((String) alert.get("expr"))).as((String) alert.get("alert"))
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(isDocumented(m, documented)).as(m + " in docs/metrics.md").isTrue());
        }
    }

    @Test
    void thereIsADashboardPerComponentAndForTheKafkaFlow() {
        for (Service s : Components.SERVICES) {
            assertThat(DASHBOARDS.resolve(s.name() + ".json")).isRegularFile();
        }
        assertThat(DASHBOARDS.resolve("kafka-flow.json")).isRegularFile();
    }

    @Test
    void dashboardsParseAndEachPanelQueriesDocumentedMetrics() throws IOException {
        Set<String> documented = documentedMetrics();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> uids = new TreeSet<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                assertThat(uids.add(dashboard.path("uid").asString())).as(file + " has a uid of its own").isTrue();
                List<JsonNode> panels = new ArrayList<>();
                collectPanels(dashboard.path("panels"), panels);
                assertThat(panels).as(file.toString()).isNotEmpty();
                for (JsonNode panel : panels) {
                    String where = file.getFileName() + " / " + panel.path("title").asString();
                    assertThat(panel.path("targets").isEmpty()).as(where + " has queries").isFalse();
                    for (JsonNode target : panel.path("targets")) {
                        assertThat(target.path("datasource").path("uid").asString()).as(where).isEqualTo("prometheus");
                        assertThat(metricsIn(target.path("expr").asString())).as(where)
                                .isNotEmpty()
                                .allSatisfy(m -> assertThat(isDocumented(m, documented))
                                        .as(where + ": " + m + " in docs/metrics.md").isTrue());
                    }
                }
            }
        }
        Map<String, Object> datasources = yaml(REPO.resolve("ops/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(list(datasources.get("datasources"))).extracting(d -> map(d).get("uid")).containsExactly("prometheus");
    }

    @Test
    void prometheusScrapesEveryComponentAndLoadsTheAlertRules() {
        Map<String, Object> prometheus = yaml(REPO.resolve("ops/prometheus/prometheus.yml"));
        List<Object> jobs = list(prometheus.get("scrape_configs"));
        for (Service s : Components.SERVICES) {
            Map<String, Object> job = jobs.stream().map(RepoFiles::map)
                    .filter(j -> s.name().equals(j.get("job_name"))).findFirst().orElseThrow(
                            () -> new AssertionError("no scrape job " + s.name()));
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets")))
                    .containsExactly(s.name() + ":" + Readiness.actuatorBasePort(new ServiceInstance(s, 1)));
        }
        assertThat(list(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
    }

    @Test
    void composeObservabilityProfileIsWiredToTheseFiles() {
        Map<String, Object> services = map(dockerCompose().get("services"));
        for (String name : List.of("prometheus", "grafana", "otel-collector")) {
            Map<String, Object> service = map(services.get(name));
            assertThat(service).as(name).isNotNull();
            assertThat(list(service.get("profiles"))).as(name).containsExactly("observability");
            for (Object volume : list(service.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(REPO.resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        }
        assertThat(list(map(services.get("prometheus")).get("volumes")))
                .contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        // The application services stay outside the profile: `docker compose up` runs them without it.
        for (Service s : Components.SERVICES) {
            assertThat(map(services.get(s.name()))).as(s.name()).doesNotContainKey("profiles");
        }
    }

    @Test
    void metricNamesAreFoundInQueries() {
        assertThat(metricsIn("histogram_quantile(0.95, sum by (routeId, le) "
                + "(rate(spring_cloud_gateway_requests_seconds_bucket{httpStatusCode=~\"5..\"}[$__rate_interval])))"))
                .containsExactly("spring_cloud_gateway_requests_seconds_bucket");
        assertThat(metricsIn("a_total > 1 and deriv(sum by (x) (b)[10m:1m]) > 0")).containsExactly("a_total", "b");
    }

    /** The metric names in a PromQL expression: what is left once labels, ranges, strings and functions are gone. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    static boolean isDocumented(String metric, Set<String> documented) {
        return documented.contains(metric) || TIMER_SUFFIXES.stream()
                .anyMatch(suffix -> metric.endsWith(suffix)
                        && documented.contains(metric.substring(0, metric.length() - suffix.length())));
    }

    /** The metric names in the first column of docs/metrics.md's tables. */
    static Set<String> documentedMetrics() {
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_:][a-z0-9_:]*)` \\|").matcher(read(REPO.resolve("docs/metrics.md")));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("metrics documented in docs/metrics.md").hasSizeGreaterThan(10);
        return names;
    }

    static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asString())) {
                collectPanels(panel.path("panels"), into);
            } else {
                into.add(panel);
            }
        }
    }

    static List<Map<String, Object>> alerts() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Object group : list(yaml(ALERTS).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                if (map(rule).containsKey("alert")) {
                    alerts.add(map(rule));
                }
            }
        }
        return alerts;
    }
}
