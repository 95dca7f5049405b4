package dev.hearth.core.tenant;

import java.util.Arrays;
import java.util.List;

/** The four access levels of a tenant, each including the ones below it (docs/design.md §3). */
public enum AccessLevel {
    VIEW("view"),
    USE("use"),
    ADMIN("admin"),
    SUPER_ADMIN("super-admin");

    private final String id;

    AccessLevel(String id) {
        this.id = id;
    }

    /** The level as it appears in role and group names: view, use, admin, super-admin. */
    public String id() {
        return id;
    }

    /** {@code hearth:tenant:<level>}. */
    public String clusterRoleName() {
        return "hearth:tenant:" + id;
    }

    /** This level and every level above it: the levels whose members hold this level's rights. */
    public List<AccessLevel> andAbove() {
        return Arrays.stream(values()).filter(l -> l.ordinal() >= ordinal()).toList();
    }

    /** This level and every level below it: the levels whose rights this one includes. */
    public List<AccessLevel> andBelow() {
        return Arrays.stream(values()).filter(l -> l.ordinal() <= ordinal()).toList();
    }
}
