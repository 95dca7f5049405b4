package dev.hearth.core.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package rules every module keeps, as a contract its tests inherit: no cycle between the module's packages (the
 * root package counts as one of them), and no import of another service. Services coordinate through Kubernetes
 * resources, never through each other's code; what they share lives in platform-core.
 */
public abstract class ArchitectureContract {
    /** The root package of every Hearth module. */
    public static final List<String> MODULE_PACKAGES = List.of(
            "dev.hearth.core",
            "dev.hearth.tenant",
            "dev.hearth.kubernetes",
            "dev.hearth.vm",
            "dev.hearth.catalog",
            "dev.hearth.bundle",
            "dev.hearth.dashboard");

    /** The module's root package, e.g. {@code dev.hearth.tenant}. */
    protected abstract String rootPackage();

    private JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage());
    }

    @Test
    void packagesFormNoCycle() {
        String root = rootPackage();
        ArchRule rule = slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String pkg = javaClass.getPackageName();
                        if (pkg.equals(root)) {
                            return SliceIdentifier.of("(root)");
                        }
                        if (pkg.startsWith(root + ".")) {
                            return SliceIdentifier.of(
                                    pkg.substring(root.length() + 1).split("\\.")[0]);
                        }
                        return SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the packages of " + root;
                    }
                })
                .should()
                .beFreeOfCycles();
        rule.check(mainClasses());
    }

    @Test
    void importsNoOtherService() {
        String[] others = MODULE_PACKAGES.stream()
                .filter(p -> !p.equals(rootPackage()) && !p.equals("dev.hearth.core"))
                .map(p -> p + "..")
                .toArray(String[]::new);
        ArchRule rule = ArchRuleDefinition.noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services coordinate through Kubernetes resources, and share code only through platform-core");
        rule.check(mainClasses());
    }
}
