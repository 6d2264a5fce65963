package dev.todoapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package map of docs/architecture.md: dependencies point one way and features form no cycle. */
class ArchitectureTest {

    private static final String ACCOUNT = "dev.todoapp.account..";
    private static final String TODO = "dev.todoapp.todo..";
    private static final String MAIL = "dev.todoapp.mail..";
    private static final String HTTP = "dev.todoapp.http..";
    private static final String CONFIG = "dev.todoapp.config..";
    private static final String LOCAL = "dev.todoapp.local..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.todoapp");

    @Test
    void mailIsAGenericOutboxThatKnowsNoFeature() {
        noClasses().that().resideInAPackage(MAIL)
                .should().dependOnClassesThat().resideInAnyPackage(ACCOUNT, TODO, HTTP)
                .check(MAIN);
    }

    @Test
    void commonUsesNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("dev.todoapp.common..")
                .should().dependOnClassesThat().resideInAnyPackage(ACCOUNT, TODO, MAIL, HTTP, CONFIG, LOCAL)
                .check(MAIN);
    }

    @Test
    void httpKnowsNoFeature() {
        noClasses().that().resideInAPackage(HTTP)
                .should().dependOnClassesThat().resideInAnyPackage(ACCOUNT, TODO, MAIL, LOCAL)
                .check(MAIN);
    }

    @Test
    void configKnowsNoFeatureNorTheHttpLayer() {
        noClasses().that().resideInAPackage(CONFIG)
                .should().dependOnClassesThat().resideInAnyPackage(ACCOUNT, TODO, MAIL, HTTP, LOCAL)
                .check(MAIN);
    }

    @Test
    void accountKnowsNothingOfTodos() {
        noClasses().that().resideInAPackage(ACCOUNT)
                .should().dependOnClassesThat().resideInAPackage(TODO)
                .check(MAIN);
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        slices().matching("dev.todoapp.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noCycleBetweenTheLayersOfAFeature() {
        slices().matching("dev.todoapp.(*).(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
