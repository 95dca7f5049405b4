package dev.hearth.bundle.validation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The readiness expressions a component may declare beyond its HelmRelease's Ready: {@code crd:<plural>.<group>}
 * (the CRD is Established) and {@code deployment:<namespace>/<name>} (available).
 */
public final class Readiness {
    public static final List<String> FORMS = List.of("crd:<plural>.<group>", "deployment:<namespace>/<name>");
    private static final Pattern CRD = Pattern.compile("^crd:[a-z0-9-]+(\\.[a-z0-9-]+)+$");
    private static final Pattern DEPLOYMENT = Pattern.compile("^deployment:[a-z0-9-]+/[a-z0-9-]+$");

    private Readiness() {}

    public static boolean valid(String expression) {
        return CRD.matcher(expression).matches()
                || DEPLOYMENT.matcher(expression).matches();
    }
}
