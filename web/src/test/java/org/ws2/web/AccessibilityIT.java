package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Route;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ws2.localsigning.LocalJwtKeys;
import org.ws2.web.StubGateway.Answer;

/**
 * Every page the web module serves passes axe-core (Deque's rules, run inside the page by a real Chromium) with no
 * serious or critical violation, at a phone's width (375 px) and a desktop's (1280 px), signed out and as each
 * role: a group editor (of GNSO), support staff and an admin. The stand-in gateway answers with realistic data, so
 * that each page shows what it shows on a working tracker: its lists filled, every form of the role, a thread, a
 * refusal beside its field. The pages run with the local sign-in on (as on the local stack: its banner on every
 * page, and the sign-in page); each visit checks that the page drawn is the one meant (its heading), so a page that
 * fell back to a problem page fails rather than passing unchecked. A few screenshots go to
 * {@code target/screenshots/a11y-*.png} for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityIT {

    /** What counts: WCAG failures that shut someone out (axe's "serious" and "critical"), not its advice. */
    static final Set<String> FAILING = Set.of("serious", "critical");
    static final int[] WIDTHS = {Chromium.PHONE, Chromium.DESKTOP};
    static final Path LOCAL_KEY = localKey();
    static final String AXE_SCRIPT = axeScript();
    static final ObjectMapper RESULTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The stand-in gateway every page test shares; the local stack's sign-in on, which {@link PageIT} turns off. */
    static final StubGateway GATEWAY = PageIT.GATEWAY;
    @RegisterExtension
    static final OneChromium CHROMIUM = new OneChromium();

    @DynamicPropertySource
    static void theLocalStack(DynamicPropertyRegistry registry) {
        registry.add("ws2.web.gateway-uri", GATEWAY::uri);
        registry.add("ws2.web.local-signing-key", LOCAL_KEY::toString);
    }

    @LocalServerPort
    int port;

    static Chromium chromium() {
        return CHROMIUM.get();
    }


    enum Role {
        SIGNED_OUT(null, null, null), GROUP_EDITOR("erin.editor", "group-editor", "group editor for GNSO"),
        SUPPORT_STAFF("sam.support", "support-staff", "support staff"), ADMIN("ada.admin", "admin", "admin");

        static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

        final String subject;
        final String role;
        /** How the header says who is signed in: in words, never the token's role name. */
        final String inWords;

        Role(String subject, String role, String inWords) {
            this.subject = subject;
            this.role = role;
            this.inWords = inWords;
        }

        String token() {
            return StubGateway.token(subject, List.of(role), role.equals("group-editor") ? List.of("GNSO") : List.of());
        }
    }

    /**
     * A page as {@code roles} see it, with the heading it must show; {@code then} acts on the page before the check
     * (submits a form, say), or is null.
     */
    /** Submits the page's form and waits for the page that answers: a click returns before the browser navigates. */
    static void submitAndAwaitTheAnswer(ChromeDriver driver) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> leftTheDocument(page));
    }

    /**
     * Whether {@code element} is gone from the page shown: Chromium says so with a stale element, or, asked while it
     * is navigating, with "Node with given id does not belong to the document".
     */
    private static boolean leftTheDocument(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException navigating) {
            if (String.valueOf(navigating.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw navigating;
        }
    }

    record Visit(String name, String path, Set<Role> roles, String heading, Consumer<ChromeDriver> then) {

        Visit(String name, String path, Set<Role> roles, String heading) {
            this(name, path, roles, heading, null);
        }
    }

    static final String ENGAGEMENT = "6f1c2d3e-0000-4000-8000-000000000001";
    static final String WITHDRAWN = "6f1c2d3e-0000-4000-8000-000000000002";
    static final String WEBHOOK = "5b0e9c7e-0000-4000-8000-00000000000a";
    static final String ASSIGNMENT = "/groups/GNSO/assignments/8.1.1.2";

    /**
     * Every page of the module ({@code *Pages} and the other controllers) and each way it can be drawn, for the
     * roles whose page differs: signed out, and the roles that get forms of their own. An admin's page is support
     * staff's with the admin's own forms and, on a group's pages, the editor's (an admin may edit every group), so
     * an admin is checked where it adds something. Every role sees the header on the overview.
     */
    static final List<Visit> VISITS = List.of(
            new Visit("overview", "/", Role.EVERYONE, "WS2 implementation at a glance"),
            new Visit("recommendations", "/recommendations", EnumSet.of(Role.SIGNED_OUT, Role.SUPPORT_STAFF), "Recommendations"),
            new Visit("recommendation", "/recommendations/8.1.1.2", EnumSet.of(Role.SIGNED_OUT, Role.SUPPORT_STAFF),
                    "8.1.1.2 SOs and ACs should document"),
            new Visit("groups", "/groups", EnumSet.of(Role.SIGNED_OUT, Role.SUPPORT_STAFF), "Groups and their WS2 work"),
            new Visit("group", "/groups/GNSO", EnumSet.of(Role.SIGNED_OUT, Role.GROUP_EDITOR, Role.ADMIN),
                    "Generic Names Supporting Organization"),
            new Visit("cross-community-group", "/groups/SOAC-LRT", EnumSet.of(Role.SUPPORT_STAFF), "SO/AC Leadership Roundtable"),
            new Visit("assignment", ASSIGNMENT, Role.EVERYONE, "8.1.1.2 SOs and ACs should document"),
            new Visit("assignment-refused", ASSIGNMENT, EnumSet.of(Role.GROUP_EDITOR), "8.1.1.2 SOs and ACs should document",
                    driver -> {
                        driver.findElement(By.id("evidence")).clear();
                        driver.findElement(By.id("evidence")).sendKeys("https://example.org/refused");
                        driver.findElement(By.cssSelector("[data-testid=progress-form] button[type=submit]")).click();
                        assertThat(driver.findElement(By.id("progress-evidenceUrl-problem")).getText())
                                .as("the refusal is beside its field").contains("evidenceUrl");
                    }),
            new Visit("workspace", "/workspace?recommendation=8.1.1.2", EnumSet.of(Role.GROUP_EDITOR, Role.SUPPORT_STAFF), "Workspace"),
            new Visit("engagements", "/engagements", EnumSet.of(Role.SIGNED_OUT, Role.SUPPORT_STAFF), "Engagements"),
            new Visit("engagement", "/engagements/" + ENGAGEMENT, EnumSet.of(Role.SIGNED_OUT), "ICANN Webinar on Work Stream 2"),
            new Visit("engagement-withdrawn", "/engagements/" + WITHDRAWN, EnumSet.of(Role.SIGNED_OUT), "Engagement withdrawn"),
            new Visit("inbox", "/inbox", EnumSet.of(Role.GROUP_EDITOR), "Inbox"),
            new Visit("notification-settings", "/settings/notifications", EnumSet.of(Role.GROUP_EDITOR), "Notification settings"),
            new Visit("webhooks", "/settings/webhooks", EnumSet.of(Role.ADMIN), "Webhooks"),
            new Visit("webhook", "/settings/webhooks/" + WEBHOOK, EnumSet.of(Role.ADMIN), "Deliveries to https://hooks.example.org/ws2"),
            new Visit("webhooks-forbidden", "/settings/webhooks", EnumSet.of(Role.SUPPORT_STAFF), "Not allowed"),
            new Visit("reports", "/reports", EnumSet.of(Role.SIGNED_OUT), "Reports"),
            new Visit("edition-published", "/reports/2021-Q2", EnumSet.of(Role.SIGNED_OUT, Role.ADMIN), "Quarterly update Q2 2021"),
            new Visit("edition-draft", "/reports/2021-Q3", EnumSet.of(Role.SUPPORT_STAFF), "Quarterly update Q3 2021"),
            new Visit("edition-in-review", "/reports/2021-Q4", EnumSet.of(Role.ADMIN), "Quarterly update Q4 2021"),
            new Visit("edition-new", "/reports/2022-Q1", EnumSet.of(Role.SUPPORT_STAFF), "Quarterly update 2022-Q1"),
            new Visit("api-docs", "/api-docs", EnumSet.of(Role.SIGNED_OUT), "API reference",
                    driver -> {
                        // an operation read in full too: its parameters, request body and responses
                        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                        wait.until(d -> d.findElements(By.cssSelector("#swagger-ui .opblock")).size() == 4);
                        driver.findElements(By.cssSelector("#swagger-ui .opblock-summary-control")).forEach(WebElement::click);
                        wait.until(d -> d.findElements(By.cssSelector("#swagger-ui .opblock-body")).size() == 4);
                    }),
            new Visit("sign-in", "/sign-in", EnumSet.of(Role.SIGNED_OUT), "Local sign-in"),
            new Visit("confirm-email", "/subscriptions/confirm?token=t0k3n", EnumSet.of(Role.SIGNED_OUT), "Confirm email"),
            new Visit("email-confirmed", "/subscriptions/confirm?token=t0k3n", EnumSet.of(Role.SIGNED_OUT), "Email confirmed",
                    AccessibilityIT::submitAndAwaitTheAnswer),
            new Visit("unsubscribe", "/unsubscribe?token=t0k3n", EnumSet.of(Role.SIGNED_OUT), "Unsubscribe"),
            new Visit("unsubscribed", "/unsubscribe?token=t0k3n", EnumSet.of(Role.SIGNED_OUT), "Unsubscribed",
                    AccessibilityIT::submitAndAwaitTheAnswer),
            new Visit("unsubscribe-confirmation", "/unsubscribe?token=confirmation.cGF0.bWFj", EnumSet.of(Role.SIGNED_OUT),
                    "Unsubscribe"),
            new Visit("declined-confirmation", "/unsubscribe?token=confirmation.cGF0.bWFj", EnumSet.of(Role.SIGNED_OUT),
                    "Unsubscribed", AccessibilityIT::submitAndAwaitTheAnswer),
            new Visit("not-found", "/recommendations/9.9", EnumSet.of(Role.SIGNED_OUT), "Not found"),
            new Visit("no-such-page", "/no-such-page", EnumSet.of(Role.SIGNED_OUT, Role.GROUP_EDITOR), "Not found"),
            new Visit("too-many-requests", "/groups/BUSY", EnumSet.of(Role.SIGNED_OUT), "Too many requests"),
            new Visit("api-down", "/groups/DOWN", EnumSet.of(Role.SIGNED_OUT), "The tracker could not answer"));

    /** The pages a person looks at in {@code target/screenshots/}: page name and role. */
    static final Set<String> SCREENSHOTS = Set.of("assignment GROUP_EDITOR", "no-such-page SIGNED_OUT", "sign-in SIGNED_OUT",
            "api-docs SIGNED_OUT", "edition-draft SUPPORT_STAFF", "webhooks ADMIN");

    @BeforeEach
    void theApi() {
        GATEWAY.reset();
        String comment = """
                {"id":"c1","author":"sam.support","at":"2026-10-21T10:00:00Z","text":"Could the Council say which procedures it means?","replyTo":null}""";
        String gnsoAssignment = PhoneWidthIT.gnsoAssignment("SIGN_OFF_REQUESTED",
                "https://gnso.icann.org/en/council/procedures/operating-procedures.pdf", comment);
        String signedOff = """
                {"id":"GNSO:6.1.1","groupId":"GNSO","recommendationId":"6.1.1","recommendationTitle":"Improve diversity reporting",
                 "triage":"SIGNED_OFF","applicabilityNote":null,"priority":null,"effort":null,"urgency":null,"priorityDraft":false,
                 "notApplicableReason":"The GNSO reports diversity through ICANN org's survey","progress":"NOT_STARTED",
                 "progressNote":null,"evidenceUrl":null,"comments":[],"version":2,"updatedAt":"2026-10-02T10:00:00Z"}""";
        String recommendation = """
                {"id":"8.1.1.2","topic":"Supporting Organization / Advisory Committee Accountability","topicPrefix":"8",
                 "title":"SOs and ACs should document their decision-making methods, indicating any presence of minority views",
                 "summary":"Each SO and AC writes down how it decides.","ownership":"CO_OWNED","sharedWith":["BOARD"],
                 "implementers":["SO/AC leaders"],"targetQuarter":"2021-Q4","tags":["accountability"],"status":"IN_IMPLEMENTATION",
                 "publicStatus":"IN_PROGRESS","derivedStateLabel":"In progress",
                 "coordination":{"level":"WOULD_BENEFIT","rationale":"Every SO and AC decides differently.","setBy":"sam.support","setAt":"2021-06-28T00:00:00Z"},
                 "dependsOn":["6.1.1","1.1"],"waitingOn":["6.1.1"],"evidenceCount":1,"retired":false,"retiredReason":null,"version":7,
                 "createdAt":"2021-06-28T00:00:00Z","updatedAt":"2026-11-30T03:57:33Z"}""";
        String engagement = """
                {"id":"%s","kind":"WEBINAR","title":"ICANN Webinar on Work Stream 2 Implementation - 25 May 2021","heldOn":"2021-05-25",
                 "description":"The implementation team's progress on SO/AC accountability, with questions from the community.",
                 "links":[{"title":"Meeting materials","url":"https://community.icann.org/display/IO/Webinars+on+WS2+implementation"}],
                 "recommendationIds":["8.1.1.2","6.1.1"],"meeting":"ICANN71","groupIds":["GNSO","ALAC"],"version":1,
                 "createdBy":"sam.support","createdAt":"2021-06-28T00:00:00Z","updatedBy":"sam.support","updatedAt":"2021-06-29T00:00:00Z"}"""
                .formatted(ENGAGEMENT);
        String person = """
                {"id":"5b0e9c7e-0000-4000-8000-000000000001","kind":"PERSON","channels":["INBOX","EMAIL"],"cadence":"DAILY",
                 "email":"sam.support@example.org","groupIds":["ALAC","GNSO"],"recommendationIds":[],"topics":["8"],
                 "eventTypes":[],"engagementKinds":[],"enabled":false,"disabledReason":"the address bounced","version":3,
                 "emailConfirmed":false}""";
        String webhook = """
                {"id":"%s","owner":"ada.admin","kind":"WEBHOOK","channels":[],"cadence":"IMMEDIATE","email":null,
                 "emailConfirmed":false,"groupIds":["ALAC"],"recommendationIds":[],"topics":[],"eventTypes":[],
                 "engagementKinds":[],"url":"https://hooks.example.org/ws2","enabled":false,"disabledReason":"it kept failing",
                 "version":3}""".formatted(WEBHOOK);
        GATEWAY.on("GET /api/reports/progress", PhoneWidthIT.PROGRESS)
                .on("GET /api/recommendations", """
                        {"items":[%s,{"id":"6.1.1","title":"Improve diversity reporting","topic":"6","derivedStateLabel":"Complete",
                          "status":"IMPLEMENTED","ownership":"ORG","coordination":{"level":"REQUIRED"}}],"total":2}""".formatted(recommendation))
                .on("GET /api/recommendations/8.1.1.2", recommendation)
                .on("GET /api/recommendations/8.1.1.2/history", """
                        [{"version":1,"kind":"CREATED","actor":"sam.support","changedAt":"2021-06-28T00:00:00Z","note":null,"before":null,"after":null},
                         {"version":2,"kind":"STATUS_CHANGED","actor":"sam.support","changedAt":"2021-07-28T00:00:00Z","note":"Work began",
                          "before":{"status":"PLANNING"},"after":{"status":"IN_IMPLEMENTATION"}}]""")
                .on("GET /api/recommendations/8.1.1.2/evidence", """
                        [{"title":"GNSO Operating Procedures","url":"https://gnso.icann.org/en/council/procedures","date":"2021-06-28","note":"Section 4"}]""")
                .on("GET /api/topics", "[{\"prefix\":\"6\",\"name\":\"Diversity\"},{\"prefix\":\"8\",\"name\":\"SO/AC Accountability\"}]")
                .on("GET /api/groups", """
                        {"items":[{"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC"},
                                  {"id":"GNSO","name":"Generic Names Supporting Organization","kind":"SO"},
                                  {"id":"NCSG","name":"Non-Commercial Stakeholder Group","kind":"GNSO_SG"},
                                  {"id":"SOAC-LRT","name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY"}],"total":4}""")
                .on("GET /api/reports/groups", PhoneWidthIT.GROUP_STAGES)
                .on("GET /api/groups/GNSO", new Answer(200, """
                        {"id":"GNSO","name":"Generic Names Supporting Organization","kind":"SO","parent":null,"source":null,"note":null,
                         "contacts":[{"name":"Gus Chair","role":"CHAIR","email":"gus.chair@gnso.example.org"}],"members":[],
                         "retired":false,"version":3}""", "\"3\""))
                .on("GET /api/groups/SOAC-LRT", new Answer(200, """
                        {"id":"SOAC-LRT","name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY","parent":null,
                         "source":"https://community.icann.org/soac","note":"Meets monthly.",
                         "contacts":[{"name":"Ana Chair","email":"ana.chair@example.org","role":"CHAIR"}],
                         "members":[{"groupId":"ALAC","name":"Al Rep","email":"al.rep@example.org","role":"MEMBER"}],
                         "retired":false,"version":7}""", "\"7\""))
                .on("GET /api/groups/GNSO/stage", """
                        {"groupId":"GNSO","stage":"SIGN_OFF","sentence":"GNSO – reviewing its priorities before signing off",
                         "counts":{"assignments":2,"triaged":0,"signOffRequested":1,"changesRequested":0,"signedOff":1}}""")
                .on("GET /api/groups/SOAC-LRT/stage", """
                        {"groupId":"SOAC-LRT","stage":"NONE","sentence":"SOAC-LRT – nothing assigned yet",
                         "counts":{"assignments":0,"triaged":0,"signOffRequested":0,"changesRequested":0,"signedOff":0}}""")
                .on("GET /api/groups/BUSY", new Answer(429, """
                        {"type":"urn:ws2:problem:too-many-requests","title":"Too Many Requests","status":429}""", null)
                        .withHeader("Retry-After", "17"))
                .on("GET /api/groups/DOWN", Answer.problem(503, null, "The groups service is not answering."))
                .on("GET /api/assignments", "{\"items\":[" + gnsoAssignment + "," + signedOff + "],\"total\":2}")
                .on("GET /api/groups/GNSO/assignments/8.1.1.2", gnsoAssignment)
                .on("PUT /api/groups/GNSO/assignments/8.1.1.2/progress",
                        Answer.problem(400, "evidenceUrl", "evidenceUrl: must be a page the group published"))
                .on("GET /api/groups/GNSO/assignments/8.1.1.2/history", """
                        [{"version":1,"kind":"triaged","triageTo":"TRIAGED","actor":"sam.support","note":null,"at":"2026-10-01T09:00:00Z"},
                         {"version":2,"kind":"sign-off-requested","triageFrom":"TRIAGED","triageTo":"SIGN_OFF_REQUESTED",
                          "actor":"sam.support","note":"Please review by November","at":"2026-10-20T09:00:00Z"}]""")
                .on("GET /api/groups/GNSO/assignments/8.1.1.2/comments", "[" + comment + """
                        ,{"id":"c2","author":"erin.editor","at":"2026-10-22T08:00:00Z","text":"The GNSO Operating Procedures, section 4.","replyTo":"c1"}]""")
                .on("GET /api/engagements", "{\"items\":[" + engagement + "],\"total\":1}")
                .on("GET /api/engagements/" + ENGAGEMENT, engagement)
                .on("GET /api/engagements/" + WITHDRAWN, Answer.problem(410, null, "This engagement was withdrawn on 2 July 2021."))
                .on("GET /api/notifications", """
                        {"items":[{"id":"8d2c7a52-0000-4000-8000-000000000001","kind":"SIGN_OFF_REQUESTED",
                          "subject":"GNSO is asked to sign off 8.1.1.2","message":"Review it and sign off.",
                          "link":"/groups/GNSO/assignments/8.1.1.2","actor":"sam.support","occurredAt":"2026-11-30T01:06:16Z","read":false},
                         {"id":"8d2c7a52-0000-4000-8000-000000000002","kind":"COMMENT_ADDED","subject":"erin.editor commented on 8.1.1.2",
                          "message":null,"link":"/groups/GNSO/assignments/8.1.1.2#thread","actor":null,"occurredAt":"2026-11-29T01:06:16Z","read":true}],
                         "page":0,"size":50,"total":2,"unread":1}""")
                .on("GET /api/subscriptions", "[" + person + "," + webhook + "]")
                .on("GET /api/subscriptions/" + WEBHOOK, new Answer(200, webhook, "\"3\""))
                .on("GET /api/subscriptions/" + WEBHOOK + "/deliveries", """
                        [{"id":"msg_1","eventId":"e-1","eventType":"org.ws2.assignment.triaged.v1","state":"ABANDONED","attempts":2,
                          "nextAttemptAt":null,"deliveredAt":null,"createdAt":"2026-11-02T10:00:00Z","attemptLog":[
                            {"attempt":1,"at":"2026-11-02T10:00:01Z","status":null,"error":"connect timed out"},
                            {"attempt":2,"at":"2026-11-02T10:05:01Z","status":503,"error":"Service Unavailable"}]}]""")
                .on("POST /api/subscriptions/confirmations", "{\"email\":\"pat@example.org\"}")
                .on("POST /api/subscriptions/unsubscribe", Answer.noContent())
                .on("GET /api/reports/editions", """
                        {"items":[{"quarter":"2021-Q3","label":"Q3 2021","status":"DRAFT","version":2,"revision":0},
                                  {"quarter":"2021-Q2","label":"Q2 2021","status":"PUBLISHED","version":5,"revision":2}]}""")
                .on("GET /api/reports/editions/2021-Q2", edition("2021-Q2", "PUBLISHED", 2))
                .on("GET /api/reports/editions/2021-Q3", edition("2021-Q3", "DRAFT", 0))
                .on("GET /api/reports/editions/2021-Q4", edition("2021-Q4", "IN_REVIEW", 0));
    }

    @Test
    void noPageHasASeriousOrCriticalAccessibilityViolationAtEitherWidthForAnyRole() {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Integer> advice = new TreeMap<>();
        int checks = 0;
        // axe-core takes a second or two on a page, many more on a busy machine
        chromium().driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        for (Role role : Role.values()) {
            signIn(role);
            for (Visit visit : VISITS) {
                if (!visit.roles().contains(role)) {
                    continue;
                }
                String where = visit.name() + " (" + visit.path() + ") as " + role;
                // the API reference's viewer reads the services' documents from the gateway, which is not here
                try (NetworkInterceptor documents = visit.path().equals("/api-docs") ? openApiDocuments() : null) {
                    chromium().open("http://localhost:" + port + visit.path(), Chromium.DESKTOP);
                    if (visit.then() != null) {
                        visit.then().accept(chromium().driver());
                    }
                }
                // the page meant, not a problem page standing in for it: else its check would prove nothing
                String heading = chromium().driver().findElement(By.tagName("h1")).getText();
                if (!heading.startsWith(visit.heading())) {
                    failures.add("not drawn: " + where + " shows \"" + heading + "\", not \"" + visit.heading() + "\"");
                    continue;
                }
                if (role != Role.SIGNED_OUT) {
                    assertThat(chromium().driver().findElement(By.cssSelector("header .who")).getText()).as(where)
                            .contains("Signed in as " + role.subject + " (" + role.inWords + ")");
                }
                // a closed <details> (a reply form, say) hides its content from the rules: open them all
                chromium().driver().executeScript("document.querySelectorAll('details').forEach(d => d.open = true);"
                        + AXE_SCRIPT);
                for (int width : WIDTHS) {
                    Results results = axe(width);
                    checks++;
                    for (Rule rule : results.getViolations()) {
                        if (!FAILING.contains(rule.getImpact())) {
                            advice.merge(rule.getId() + " (" + rule.getImpact() + ") on " + visit.name(), rule.getNodes().size(),
                                    Integer::sum);
                            continue;
                        }
                        byRule.merge(rule.getId(), rule.getNodes().size(), Integer::sum);
                        for (CheckedNode node : rule.getNodes()) {
                            failures.add(rule.getId() + " [" + rule.getImpact() + "] " + node.getTarget() + " on " + where
                                    + " at " + width + " px: " + firstLine(node.getFailureSummary()));
                        }
                    }
                    if (SCREENSHOTS.contains(visit.name() + " " + role)) {
                        chromium().driver().executeScript("window.scrollTo(0, 0)");
                        screenshot("a11y-" + visit.name() + "-" + width);
                    }
                }
            }
        }
        System.out.printf("axe-core: %d checks of %d pages in %d s; serious or critical by rule: %s; lesser findings: %s%n",
                checks, VISITS.size(), (System.nanoTime() - started) / 1_000_000_000, byRule, advice);
        assertThat(failures).as("serious or critical axe-core violations, by rule " + byRule + ":\n"
                + String.join("\n", failures)).isEmpty();
    }

    /**
     * axe-core's rules, as the integration bundles them, run in the page now drawn at {@code width}; the page must
     * have the script already (injected once per page: it is 560 kB). axe-core's own {@code axe.run}, without the
     * integration's frame-by-frame run, which merges its frames' results in a blank window it opens for every run:
     * these pages have no frames, and opening a window per check is slow and, on a busy machine, times out.
     */
    private static Results axe(int width) {
        chromium().resize(width);
        Object json = chromium().driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(results => done(JSON.stringify(results)), error => done('axe-core failed: ' + error));""");
        assertThat(String.valueOf(json)).startsWith("{");
        try {
            return RESULTS.readValue(String.valueOf(json), Results.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("axe-core answered " + json, e);
        }
    }

    private void signIn(Role role) {
        if (role == Role.SIGNED_OUT) {
            chromium().driver().get("http://localhost:" + port + "/assets/site.css");
            chromium().driver().manage().deleteAllCookies();
        } else {
            chromium().signIn(port, role.token());
        }
    }

    /**
     * The API reference page draws the services' OpenAPI documents, which the gateway serves beside this module
     * (not this module): the browser gets a small one for each, so the viewer shows operations as it does for real.
     */
    private NetworkInterceptor openApiDocuments() {
        return new NetworkInterceptor(chromium().driver(), Route.matching(request -> request.getUri().contains("/api-docs/"))
                .to(() -> request -> new HttpResponse().setStatus(200).addHeader("Content-Type", "application/json")
                        .setContent(Contents.utf8String(OPEN_API))));
    }

    private static void screenshot(String name) {
        try {
            chromium().screenshot(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String summary) {
        return summary == null ? "" : summary.lines().skip(1).findFirst().orElse(summary).strip();
    }

    /** axe-core as Deque's integration bundles it (its version is the dependency's). */
    private static String axeScript() {
        try {
            return new EmbeddedResourceAxeProvider().getScript();
        } catch (Exception e) {
            throw new IllegalStateException("axe.min.js is not on the class path", e);
        }
    }

    private static Path localKey() {
        try {
            Path dir = Files.createTempDirectory("ws2-a11y-key");
            LocalJwtKeys.loadOrCreate(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An edition as the API gives it to support staff (with its saved sections). */
    static String edition(String quarter, String status, int revision) {
        String label = "Q" + quarter.charAt(6) + " " + quarter.substring(0, 4);
        String revisions = revision == 0 ? "[]" : """
                [{"revision":1,"publishedAt":"2021-07-05T10:00:00Z","correctionNote":null},
                 {"revision":2,"publishedAt":"2021-07-09T10:00:00Z","correctionNote":"Fixed the count of ALAC recommendations"}]""";
        return """
                {"quarter":"%s","status":"%s","version":5,"revision":%d,"revisions":%s,"label":"%s","asOf":"2021-06-30T23:59:59Z",
                 "headline":{"org":{"total":28,"notStarted":5,"inProgress":10,"complete":13},
                             "community":{"total":100,"notStarted":40,"inProgress":50,"complete":10}},
                 "soacWork":[{"who":"ALAC","groupIds":["ALAC"],"sentence":"ALAC is implementing 12 recommendations.","editorial":["ALAC held two webinars."]},
                             {"who":"GNSO and ccNSO","groupIds":["GNSO","ccNSO"],"sentence":"GNSO and ccNSO are planning.","editorial":[]}],
                 "highlights":["Webinar series with the SO/AC chairs"],"workstreams":[{"name":"Engagement","status":"Three webinars held"}],
                 "milestones":[{"name":"Guidelines adopted","targetQuarter":"2021-Q1","status":"IN_PROGRESS","late":true}],
                 "asks":["Comment on the draft guidelines"],"aob":["Next meeting at ICANN72"],"contact":"ws2-implementation@icann.org",
                 "sections":{"groupLines":[{"groupId":"ALAC","text":"ALAC held two webinars."}],
                   "highlights":["Webinar series with the SO/AC chairs"],"workstreams":[{"name":"Engagement","status":"Three webinars held"}],
                   "milestones":[{"name":"Guidelines adopted","targetQuarter":"2021-Q1","status":"IN_PROGRESS"}],
                   "asks":["Comment on the draft guidelines"],"aob":["Next meeting at ICANN72"],"contact":"ws2-implementation@icann.org"}}"""
                .formatted(quarter, status, revision, revisions, label);
    }

    /** A service's OpenAPI document, small: a read, a change with a body and a removal, as the services have them. */
    static final String OPEN_API = """
            {"openapi":"3.1.0","info":{"title":"recommendations-service","version":"0.1.0"},
             "paths":{"/api/recommendations":{"get":{"summary":"The catalogue, filtered","parameters":[
                 {"name":"topic","in":"query","schema":{"type":"string"}}],"responses":{"200":{"description":"A page"}}},
               "post":{"summary":"Add a recommendation","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/New"}}}},
                 "responses":{"201":{"description":"Added"},"400":{"description":"A problem"}}}},
               "/api/recommendations/{id}":{"put":{"summary":"Correct its details","parameters":[{"name":"id","in":"path","required":true,
                 "schema":{"type":"string"}}],"responses":{"200":{"description":"Corrected"}}},
                 "delete":{"summary":"Remove","deprecated":true,"parameters":[{"name":"id","in":"path","required":true,
                 "schema":{"type":"string"}}],"responses":{"204":{"description":"Removed"}}}}},
             "components":{"schemas":{"New":{"type":"object","required":["id","title"],
               "properties":{"id":{"type":"string","example":"5.12"},"title":{"type":"string"}}}}}}""";
}
