package dev.hearth.core.api.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.Quantities;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.source == oldSelf.source", message = "spec.source is immutable once the disk exists")
@ValidationRule(
        value =
                "has(self.storageClass) == has(oldSelf.storageClass) && (!has(self.storageClass) || self.storageClass == oldSelf.storageClass)",
        message = "spec.storageClass is immutable once the disk exists")
@ValidationRule(
        value = "quantity(string(self.size)).compareTo(quantity(string(oldSelf.size))) >= 0",
        message = "spec.size cannot shrink: a disk can only grow")
public class VMDiskSpec {

    @JsonPropertyDescription("Where the disk's content comes from: exactly one of image, http, upload, disk or blank.")
    @Required
    public VMDiskSource source;

    @JsonPropertyDescription("Size of the disk, e.g. 20Gi.")
    @Required
    @ValidationRule(value = Quantities.POSITIVE, message = Quantities.POSITIVE_MESSAGE)
    public Quantity size;

    @JsonPropertyDescription("Storage class of the disk; the cluster default when empty.")
    public String storageClass;

    @JsonPropertyDescription("Attach the disk as a CD-ROM.")
    @Default("false")
    public Boolean optical;
}
