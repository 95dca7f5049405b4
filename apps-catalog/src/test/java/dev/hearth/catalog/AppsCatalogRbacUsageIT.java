package dev.hearth.catalog;

import java.util.Map;

import dev.hearth.core.testing.RbacUsageContract;

/** apps-catalog's RBAC holds exactly what its tests made it do (runs after them: root pom, rbac-usage). */
class AppsCatalogRbacUsageIT extends RbacUsageContract {
    private static final String ESCALATION =
            "the credentials Roles apps-catalog writes grant reading an app's Secrets and Services: Kubernetes lets it "
                    + "write such a Role only while it holds the same rights";

    @Override
    protected Map<String, String> grantedWithoutTestUse() {
        return Map.of(
                "get core/secrets", ESCALATION,
                "list core/secrets", ESCALATION,
                "watch core/secrets", ESCALATION,
                "get core/services", ESCALATION,
                "list core/services", ESCALATION,
                "watch core/services", ESCALATION);
    }
}
