package dev.hearth.vm;

import dev.hearth.core.testing.RbacUsageContract;

/** vm-service's RBAC holds exactly what its tests made it do (runs after them: root pom, rbac-usage). */
class VmServiceRbacUsageIT extends RbacUsageContract {}
