package dateline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package map of docs/architecture.md, kept true: dependencies between features point one way. */
class PackageDependenciesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dateline");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("dateline.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theArticlesSubPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("dateline.article.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theArticleCoreKnowsNeitherItsHistoryNorItsImporterNorTheFeeds() {
        noClasses().that().resideInAPackage("dateline.article")
                .should().dependOnClassesThat().resideInAnyPackage("dateline.article.revision..", "dateline.article.importing..",
                        "dateline.feed..", "dateline.webhook..", "dateline.demo..")
                .check(MAIN);
    }

    @Test
    void searchSeesArticlesOnlyAsSearchable() {
        noClasses().that().resideInAPackage("dateline.article.search..")
                .should().dependOnClassesThat().resideInAPackage("dateline.article").check(MAIN);
    }

    @Test
    void taxonomyAndCommonCodeNeverDependOnArticles() {
        noClasses().that().resideInAnyPackage("dateline.section..", "dateline.tag..", "dateline.author..", "dateline.common..")
                .should().dependOnClassesThat().resideInAPackage("dateline.article..").check(MAIN);
    }

    @Test
    void articleServicesNeverSeeHttp() {
        noClasses().that().resideInAPackage("dateline.article..").and().haveSimpleNameNotEndingWith("Resource")
                .and().haveSimpleNameNotEndingWith("Params")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..")
                .check(MAIN);
    }
}
