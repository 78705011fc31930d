package org.ws2.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.localstack.RepoFiles.REPO;
import static org.ws2.localstack.RepoFiles.list;
import static org.ws2.localstack.RepoFiles.localStackEnvironment;
import static org.ws2.localstack.RepoFiles.map;
import static org.ws2.localstack.RepoFiles.yaml;

/**
 * No cluster here to apply {@code deploy/k8s} to, so this reads the manifests and checks what a
 * reviewer would: every component is deployed with probes, requests and limits, a pinned image,
 * graceful shutdown, an autoscaler and a disruption budget, and secrets come from a Secret.
 */
class KubernetesManifestsTest {

    static final Path BASE = REPO.resolve("deploy/k8s/base");

    final List<Map<String, Object>> documents = loadBase();

    @Test
    void deploysEveryComponentWithProbesLimitsAndAPinnedImage() {
        for (Service s : Components.SERVICES) {
            Map<String, Object> container = container(s.name());
            String image = (String) container.get("image");
            assertThat(image).as(s.name() + " image").matches("[^:]+:[^:]+").doesNotEndWith(":latest");

            Map<String, Object> liveness = map(container.get("livenessProbe"));
            Map<String, Object> readiness = map(container.get("readinessProbe"));
            assertThat(map(liveness.get("httpGet")).get("path")).as(s.name()).isEqualTo("/actuator/health/liveness");
            assertThat(map(readiness.get("httpGet")).get("path")).as(s.name()).isEqualTo("/actuator/health/readiness");
            assertThat(container.get("startupProbe")).as(s.name() + " startupProbe").isNotNull();

            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).as(s.name() + " requests").containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as(s.name() + " limits").containsKeys("cpu", "memory");
        }
    }

    @Test
    void theGatewaysProbesAndMetricsUseItsManagementPortWhichItsServiceDoesNotExpose() {
        Map<String, Object> container = container(Components.GATEWAY);
        int management = Readiness.actuatorBasePort(new ServiceInstance(Components.service(Components.GATEWAY), 1));
        assertThat(list(container.get("ports"))).contains(Map.of("name", "management", "containerPort", management));
        assertThat(env(container))
                .containsEntry("MANAGEMENT_SERVER_PORT", Map.of("value", String.valueOf(management)))
                // the kubelet probes the pod's address, not its loopback
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", Map.of("value", "0.0.0.0"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).as(probe).isEqualTo("management");
        }
        Map<String, Object> template = map(map(deployment(Components.GATEWAY).get("spec")).get("template"));
        assertThat(map(map(template.get("metadata")).get("annotations")))
                .containsEntry("prometheus.io/port", String.valueOf(management));
        assertThat(list(map(find("Service", Components.GATEWAY).orElseThrow().get("spec")).get("ports")))
                .allSatisfy(port -> assertThat(map(port).get("targetPort")).isEqualTo("http"));
    }

    @Test
    void shutsDownGracefully() {
        for (Service s : Components.SERVICES) {
            Map<String, Object> container = container(s.name());
            assertThat(map(map(container.get("lifecycle")).get("preStop"))).as(s.name() + " preStop").isNotEmpty();
            assertThat(env(container)).as(s.name()).containsEntry("SERVER_SHUTDOWN", Map.of("value", "graceful"));
            int grace = (Integer) map(map(map(deployment(s.name()).get("spec")).get("template")).get("spec"))
                    .get("terminationGracePeriodSeconds");
            assertThat(grace).as(s.name() + " grace period covers preStop and Spring's shutdown phase").isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void scalesEachServiceAndKeepsOneRunningThroughDisruptions() {
        for (Service s : Components.SERVICES) {
            Map<String, Object> hpa = find("HorizontalPodAutoscaler", s.name()).orElseThrow(() -> new AssertionError("no HPA for " + s.name()));
            Map<String, Object> target = map(map(hpa.get("spec")).get("scaleTargetRef"));
            assertThat(target).containsEntry("kind", "Deployment").containsEntry("name", s.name());
            assertThat((Integer) map(hpa.get("spec")).get("minReplicas")).isGreaterThanOrEqualTo(2);

            Map<String, Object> pdb = find("PodDisruptionBudget", s.name()).orElseThrow(() -> new AssertionError("no PDB for " + s.name()));
            assertThat(map(map(pdb.get("spec")).get("selector")))
                    .isEqualTo(map(map(deployment(s.name()).get("spec")).get("selector")));
            assertThat(find("Service", s.name())).as(s.name() + " Service").isPresent();
        }
    }

    @Test
    void setsTheRuntimeContractWithSecretsFromASecret() {
        assertThat(documents).as("no Secret with values is committed in the base")
                .noneMatch(d -> "Secret".equals(d.get("kind")));
        Set<String> configKeys = map(find("ConfigMap", "ws2-config").orElseThrow().get("data")).keySet();
        for (Service s : Components.SERVICES) {
            Map<String, Object> env = env(container(s.name()));
            Set<String> expected = new TreeSet<>(localStackEnvironment(s).keySet());
            expected.remove("WS2_JWT_PUBLIC_KEY_LOCATION"); // the local stack's key; a cluster uses the OIDC issuer
            expected.remove("WS2_LOCAL_SIGNING_KEY_DIR"); // likewise: no local sign-in page in a cluster
            // a pod listens on its own interface, which only the cluster's Services and Ingress reach
            expected.remove("SERVER_ADDRESS");
            expected.add("WS2_JWT_ISSUER_URI");
            assertThat(env.keySet()).as(s.name() + " environment").containsAll(expected);
            if (s.database() != null) {
                assertThat(map(env.get("SPRING_DATASOURCE_PASSWORD"))).as(s.name()).containsKey("valueFrom");
                assertThat(map(map(env.get("SPRING_DATASOURCE_PASSWORD")).get("valueFrom"))).containsKey("secretKeyRef");
            }
            env.values().stream().map(v -> map(v).get("valueFrom")).filter(v -> v != null)
                    .map(v -> map(map(v).get("configMapKeyRef"))).filter(ref -> ref != null)
                    .forEach(ref -> assertThat(configKeys).as(s.name() + " reads a key ws2-config has").contains((String) ref.get("key")));
        }
    }

    /** A cluster is reached over HTTPS through its ingress: the token cookie and the browser must know it. */
    @Test
    void behindTlsTheTokenCookieIsSecureAndBrowsersAreToldToStayOnHttps() {
        assertThat(env(container(Components.WEB)).get("WS2_WEB_SECURE_COOKIES")).isEqualTo(Map.of("value", "true"));
        assertThat(String.valueOf(map(env(container(Components.GATEWAY)).get("WS2_STRICT_TRANSPORT_SECURITY")).get("value")))
                .startsWith("max-age=");
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization = yaml(BASE.resolve("kustomization.yaml"));
        List<String> resources = list(kustomization.get("resources")).stream().map(String::valueOf).toList();
        try (var files = Files.list(BASE)) {
            assertThat(resources).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals("kustomization.yaml")).toList());
        }
    }

    private Map<String, Object> container(String name) {
        List<Object> containers = list(map(map(map(deployment(name).get("spec")).get("template")).get("spec")).get("containers"));
        assertThat(containers).as(name + " containers").hasSize(1);
        return map(containers.get(0));
    }

    /** The container's env as name to the rest of its entry ({@code value} or {@code valueFrom}). */
    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        for (Object o : list(container.get("env"))) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>(map(o));
            env.put((String) entry.remove("name"), entry);
        }
        return env;
    }

    private Map<String, Object> deployment(String name) {
        return find("Deployment", name).orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private Optional<Map<String, Object>> find(String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
                .findFirst();
    }

    static List<Map<String, Object>> loadBase() {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var files = Files.list(BASE)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(f)) {
                    new Yaml().loadAll(r).forEach(d -> documents.add(map(d)));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return documents;
    }
}
