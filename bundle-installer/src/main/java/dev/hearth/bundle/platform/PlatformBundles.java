package dev.hearth.bundle.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.core.api.platform.PlatformSpec;

/**
 * The bundle a Platform names at a version: a file {@code <name>-<version>.yaml}, else {@code <name>.yaml}, of
 * {@code hearth.bundle.directory} when set (an administrator's own bundles, several versions side by side, so that a
 * failed upgrade can go back to the last good one), else the shipped one. The version must be the document's: a bundle is tested as a
 * whole, so no other version of it can be made up from this one.
 */
@ApplicationScoped
public class PlatformBundles {
    private final Optional<Path> directory;

    PlatformBundles(@ConfigProperty(name = "hearth.bundle.directory") Optional<String> directory) {
        this.directory = directory.map(Path::of);
    }

    /** The bundle, or why there is none (the text of a condition). */
    public Result find(PlatformSpec.Bundle wanted) {
        Bundle bundle;
        try {
            Optional<Path> file = directory
                    .map(d -> d.resolve(wanted.name + "-" + wanted.version + ".yaml"))
                    .filter(Files::isRegularFile)
                    .or(() ->
                            directory.map(d -> d.resolve(wanted.name + ".yaml")).filter(Files::isRegularFile));
            bundle = file.isPresent() ? BundleDocuments.read(file.get()) : BundleDocuments.shipped(wanted.name);
        } catch (RuntimeException e) {
            return new Result(null, e.getMessage());
        }
        if (!bundle.version().equals(wanted.version)) {
            return new Result(
                    null,
                    "Bundle " + wanted.name + " is at version " + bundle.version() + " here, not " + wanted.version
                            + ": set spec.bundle.version to " + bundle.version());
        }
        return new Result(bundle, null);
    }

    public record Result(Bundle bundle, String problem) {}
}
