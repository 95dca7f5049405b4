package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options a service runs with, from {@code deploy/service-jvm.options}, the one place the chart's values, the
 * images, scripts/run-local.sh and the benchmarks take them from: the line {@code *} for every service, then the
 * service's own line (the JVM takes the last of a repeated option). scripts/jvm-options.sh reads it the same way.
 */
public final class ServiceJvmOptions {
    private static final String EVERY_SERVICE = "*";

    private ServiceJvmOptions() {}

    /** The options of {@code service} (a module name such as {@code dashboard-backend}), in order. */
    public static List<String> of(String service) {
        List<String> options = new ArrayList<>();
        for (String line : lines()) {
            List<String> words = Arrays.asList(line.strip().split("\\s+"));
            if (words.get(0).equals(EVERY_SERVICE) || words.get(0).equals(service)) {
                options.addAll(words.subList(1, words.size()));
            }
        }
        return options;
    }

    /** The options of every service, before a service's own: the chart's {@code global.jvmOptions}. */
    public static List<String> everyService() {
        return of(EVERY_SERVICE);
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(TestPaths.serviceJvmOptions()).stream()
                    .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
