package id.smartcity.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * The layering the code keeps (developer guide, "Layout"): the platform serves the features and
 * knows none of them; the features form no cycles; a resource reaches the data through its
 * feature's service, never a repository or an entity's Panache statics. Each rule is also shown to fail on a class
 * that breaks it (the {@code archfixture} classes of the test tree), so that a rule cannot pass by matching nothing.
 */
class ArchitectureTest {

    static final String[] FEATURES = {
        "id.smartcity.audit..",
        "id.smartcity.bimtek..",
        "id.smartcity.changes..",
        "id.smartcity.dashboard..",
        "id.smartcity.demo..",
        "id.smartcity.dimension..",
        "id.smartcity.document..",
        "id.smartcity.fgd..",
        "id.smartcity.masterplan..",
        "id.smartcity.quickwin..",
        "id.smartcity.readiness..",
        "id.smartcity.region..",
        "id.smartcity.stakeholder..",
        "id.smartcity.webhooks.."
    };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("id.smartcity");

    static final ArchRule PLATFORM_KNOWS_NO_FEATURE = noClasses()
            .that()
            .resideInAPackage("id.smartcity.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .as("the platform imports no feature");

    static final ArchRule FEATURES_FORM_NO_CYCLES =
            slices().matching("id.smartcity.(*)..").should().beFreeOfCycles().as("features form no cycles");

    /** A static Panache query method ({@code find}, {@code list}, {@code count}, …) called on an entity. */
    private static final DescribedPredicate<JavaMethodCall> PANACHE_STATIC = DescribedPredicate.describe(
            "a Panache static of an entity",
            call -> call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                    && call.getTarget()
                            .resolveMember()
                            .map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                            .orElse(true));

    static final ArchRule RESOURCES_USE_SERVICES = noClasses()
            .that()
            .areAnnotatedWith(Path.class)
            .or()
            .haveSimpleNameEndingWith("Resource")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .callMethodWhere(PANACHE_STATIC)
            .as("resources use their feature's service, never a repository or a Panache static");

    @Test
    void resourcesUseServicesNotRepositories() {
        RESOURCES_USE_SERVICES.check(MAIN);
    }

    @Test
    void thePlatformImportsNoFeature() {
        PLATFORM_KNOWS_NO_FEATURE.check(MAIN);
    }

    @Test
    void featuresFormNoCycles() {
        FEATURES_FORM_NO_CYCLES.check(MAIN);
    }

    @Test
    void theRulesFailOnCodeThatBreaksThem() {
        JavaClasses broken = new ClassFileImporter()
                .importClasses(
                        id.smartcity.platform.archfixture.FeatureUser.class,
                        id.smartcity.archfixturea.A.class,
                        id.smartcity.archfixtureb.B.class,
                        id.smartcity.archfixturea.ThinResourceBreaker.FixtureResource.class,
                        id.smartcity.archfixturea.ThinResourceBreaker.EntityQueryingResource.class);
        EvaluationResult platform = PLATFORM_KNOWS_NO_FEATURE.evaluate(broken);
        assertTrue(platform.hasViolation(), "a platform class that uses a feature breaks the rule");
        assertTrue(platform.getFailureReport().toString().contains("FeatureUser"));
        EvaluationResult cycles = FEATURES_FORM_NO_CYCLES.evaluate(broken);
        assertTrue(cycles.hasViolation(), "two fixture features that use each other form a cycle");
        String resources =
                RESOURCES_USE_SERVICES.evaluate(broken).getFailureReport().toString();
        assertTrue(resources.contains("FixtureResource") && resources.contains("FixtureRepository"), resources);
        assertTrue(resources.contains("EntityQueryingResource") && resources.contains("count"), resources);
        assertFalse(PLATFORM_KNOWS_NO_FEATURE.evaluate(MAIN).hasViolation());
    }
}
