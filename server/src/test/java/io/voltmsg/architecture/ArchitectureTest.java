package io.voltmsg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the feature packages as DESIGN.md draws them: data flows one way, delivery reads
 * endpoints through its own port, carrier knows no other feature, nothing imports the API
 * layers, and there are no cycles.
 */
class ArchitectureTest {

    static final List<String> FEATURES = List.of("accounts", "signing", "delivery", "webhooks", "carrier", "messaging",
            "graphql", "portal", "cli", "shared", "audit");

    /** Which features each feature may use (itself always). */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("shared", Set.of());
        MAY_USE.put("audit", Set.of("shared"));
        MAY_USE.put("accounts", Set.of("shared", "audit"));
        MAY_USE.put("signing", Set.of("shared"));
        MAY_USE.put("carrier", Set.of("shared"));
        MAY_USE.put("delivery", Set.of("shared", "audit", "signing", "accounts"));
        MAY_USE.put("webhooks", Set.of("shared", "audit", "accounts", "signing", "delivery"));
        MAY_USE.put("messaging", Set.of("shared", "audit", "accounts", "carrier", "delivery"));
        MAY_USE.put("graphql", Set.of("shared", "audit", "accounts", "signing", "delivery", "webhooks", "carrier",
                "messaging"));
        MAY_USE.put("portal", Set.of("shared", "audit", "accounts", "signing", "delivery", "webhooks", "carrier",
                "messaging"));
        MAY_USE.put("cli", Set.of("shared", "audit", "accounts", "signing", "delivery", "webhooks", "carrier",
                "messaging"));
    }

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.voltmsg");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.voltmsg.(*)..").should().beFreeOfCycles().check(classes);
    }

    @TestFactory
    Stream<DynamicTest> eachFeatureUsesOnlyWhatItMay() {
        return MAY_USE.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String[] forbidden = FEATURES.stream()
                    .filter(f -> !f.equals(entry.getKey()) && !entry.getValue().contains(f))
                    .map(f -> "io.voltmsg." + f + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("io.voltmsg." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .allowEmptyShould(true)
                    .check(classes);
        }));
    }

    @Test
    void nothingImportsTheFrontDoors() {
        noClasses().that().resideOutsideOfPackages("io.voltmsg.graphql..", "io.voltmsg.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.voltmsg.graphql..", "io.voltmsg.portal..")
                .check(classes);
        noClasses().that().resideInAPackage("io.voltmsg.graphql..")
                .should().dependOnClassesThat().resideInAPackage("io.voltmsg.portal..").check(classes);
        noClasses().that().resideInAPackage("io.voltmsg.portal..")
                .should().dependOnClassesThat().resideInAPackage("io.voltmsg.graphql..").check(classes);
    }

    @Test
    void auditIsALeafEveryFeatureMayUse() {
        noClasses().that().resideInAPackage("io.voltmsg.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream()
                        .filter(f -> !f.equals("audit") && !f.equals("shared")).map(f -> "io.voltmsg." + f + "..")
                        .toArray(String[]::new))
                .check(classes);
    }

    @Test
    void deliveryNeverImportsWebhooks() {
        noClasses().that().resideInAPackage("io.voltmsg.delivery..")
                .should().dependOnClassesThat().resideInAPackage("io.voltmsg.webhooks..")
                .check(classes);
    }
}
