package org.ws2.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every WS2 service keeps, as rules its {@code ArchitectureTest} checks on its own
 * classes: they fail the build when the code drifts.
 *
 * <ul>
 * <li>no service uses another's code: they share only {@code contracts} and {@code service-defaults};</li>
 * <li>feature packages ({@code org.ws2.<service>.<feature>}) depend on each other without cycles;</li>
 * <li>controllers hold no SQL;</li>
 * <li>an event is only ever written through the change path ({@code ChangeLog}), never to the outbox
 * or as a hand-made envelope.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("org.ws2.recommendations", "org.ws2.groups",
            "org.ws2.reporting", "org.ws2.notifications", "org.ws2.gateway", "org.ws2.localstack");

    /** Every rule, for the service whose root package is {@code servicePackage}. */
    public static List<ArchRule> rules(String servicePackage) {
        return List.of(noOtherService(servicePackage), featuresFreeOfCycles(servicePackage),
                controllersHoldNoSql(servicePackage), eventsOnlyThroughTheChangePath(servicePackage));
    }

    static ArchRule noOtherService(String servicePackage) {
        String[] others = SERVICES.stream().filter(p -> !p.equals(servicePackage)).map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as("no class of " + servicePackage + " uses another service's code")
                .because("services share only contracts and service-defaults, and talk only through events");
    }

    static ArchRule featuresFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .as("the feature packages of " + servicePackage + " depend on each other without cycles");
    }

    static ArchRule controllersHoldNoSql(String servicePackage) {
        return classes().that().resideInAPackage(servicePackage + "..").and().areAnnotatedWith(RestController.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .as("controllers of " + servicePackage + " hold no SQL")
                .because("a controller turns HTTP into calls of its feature's services and repositories");
    }

    static ArchRule eventsOnlyThroughTheChangePath(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.ws2.service.outbox.Outbox")
                .orShould().callConstructor(org.ws2.contracts.CloudEvent.class, String.class, String.class,
                        String.class, String.class, String.class, java.time.Instant.class, String.class, String.class,
                        long.class, java.time.Instant.class, tools.jackson.databind.JsonNode.class)
                .as("events of " + servicePackage + " are written only through the change path (ChangeLog)")
                .because("a change, its history entry and its event must be written together");
    }

    private ServiceArchitecture() {
    }
}
