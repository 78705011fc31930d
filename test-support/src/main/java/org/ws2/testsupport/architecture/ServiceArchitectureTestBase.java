package org.ws2.testsupport.architecture;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules every service keeps ({@link ServiceArchitecture}), one test per rule, checked on the
 * production classes of the service a subclass names.
 */
public abstract class ServiceArchitectureTestBase {

    private final String servicePackage;

    protected ServiceArchitectureTestBase(String servicePackage) {
        this.servicePackage = servicePackage;
    }

    @TestFactory
    Stream<DynamicTest> keepsTheServiceArchitecture() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        return ServiceArchitecture.rules(servicePackage).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
