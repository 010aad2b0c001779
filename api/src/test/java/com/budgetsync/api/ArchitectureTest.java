package com.budgetsync.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, read from the compiled classes of all three modules: the API reaches the worker only where one
 * process runs both (the single-process commands and the runtime factory they share), and {@code shared}'s packages
 * point one way; environment variables are read only through the configuration.
 */
class ArchitectureTest {
    /** Production classes only: not the test classes, nor shared's test-jar on the classpath. */
    private static final ImportOption PRODUCTION_CODE = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(PRODUCTION_CODE)
                .importPackages("com.budgetsync");
    }

    @Test
    void apiUsesTheWorkerOnlyInTheSingleProcessCommands() {
        noClasses().that().resideInAPackage("com.budgetsync.api..")
                .and().resideOutsideOfPackages("com.budgetsync.api.cli..", "com.budgetsync.api.runtime..")
                .should().dependOnClassesThat().resideInAPackage("com.budgetsync.worker..")
                .because("the API talks to workers through Temporal; only dev, sync-file, worker and bench run one")
                .check(classes);
    }

    @Test
    void onlyTheConfigurationReadsTheEnvironment() {
        noClasses().should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("variables reach the code through config.yml's ${VAR:-default}, substituted by"
                        + " ConfigurationLoader (also for commands given no file), and are handed on as settings")
                .check(classes);
    }

    @Test
    void sharedHasNoPackageCycles() {
        slices().matching("com.budgetsync.(*)..").should().beFreeOfCycles()
                .check(classes.that(resideOutsideOfPackages("com.budgetsync.api..", "com.budgetsync.worker..")));
    }

    @Test
    void sharedDoesNotDependOnApiOrWorker() {
        noClasses().that().resideOutsideOfPackages("com.budgetsync.api..", "com.budgetsync.worker..")
                .should().dependOnClassesThat().resideInAnyPackage("com.budgetsync.api..", "com.budgetsync.worker..")
                .check(classes);
    }
}
