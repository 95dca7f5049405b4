package dev.hearth.dashboard;

import dev.hearth.core.testing.RbacUsageContract;

/**
 * dashboard-backend's own identity holds exactly what its tests made it do (runs after them: root pom, rbac-usage):
 * impersonation, and the reads of its caches; every request's own call is the user's, so RBAC refuses the user, not
 * the backend.
 */
class DashboardBackendRbacUsageIT extends RbacUsageContract {}
