package dev.hearth.core.api.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Exactly one source of a disk's content. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "[has(self.image), has(self.http), has(self.upload), has(self.disk), has(self.blank)].filter(x, x).size() == 1",
        message = "set exactly one source: image, http, upload, disk or blank")
public class VMDiskSource {

    @JsonPropertyDescription("A golden image of the platform, e.g. ubuntu-24.04.")
    public Image image;

    @JsonPropertyDescription("Import from an HTTP(S) URL.")
    public Http http;

    @JsonPropertyDescription("Wait for an upload through the CDI upload proxy.")
    public Empty upload;

    @JsonPropertyDescription("Clone another VMDisk of the same namespace.")
    public DiskRef disk;

    @JsonPropertyDescription("An empty disk.")
    public Empty blank;

    public static class Image {
        @Required
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        public String name;
    }

    public static class Http {
        @Required
        @Pattern("^https?://[^\\s]+$")
        public String url;
    }

    public static class DiskRef {
        @JsonPropertyDescription("Name of the VMDisk to clone.")
        @Required
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        public String name;
    }

    /** A source without settings ({@code upload: {}}, {@code blank: {}}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Empty {}
}
