package io.voltmsg.carrier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The carrier feature stands alone (DESIGN.md §3); inside it, the SMPP client knows nothing of the simulator. */
class CarrierArchitectureTest {

    private final JavaClasses carrier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voltmsg.carrier");

    /** {@code shared} is no feature: it holds what every package may use (ArchitectureTest.MAY_USE). */
    @Test
    void carrierImportsNoOtherFeature() {
        noClasses().that().resideInAPackage("io.voltmsg.carrier..")
                .should().dependOnClassesThat(resideInAPackage("io.voltmsg..")
                        .and(not(resideInAPackage("io.voltmsg.carrier..")))
                        .and(not(resideInAPackage("io.voltmsg.shared.."))))
                .check(carrier);
    }

    @Test
    void smppClientDoesNotDependOnTheSimulator() {
        noClasses().that().resideInAPackage("io.voltmsg.carrier.smpp..")
                .should().dependOnClassesThat().resideInAPackage("io.voltmsg.carrier.sim..")
                .check(carrier);
    }
}
