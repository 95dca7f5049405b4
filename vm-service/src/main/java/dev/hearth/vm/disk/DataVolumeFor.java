package dev.hearth.vm.disk;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMDiskSource;
import dev.hearth.core.kube.ChildMetadata;
import dev.hearth.core.upstream.Cdi;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** VMDisk {@code <name>} → CDI DataVolume {@code vm-disk-<name>}. Pure: no I/O. */
public final class DataVolumeFor {
    public static final String NAME_PREFIX = "vm-disk-";
    /** Golden images are PVCs {@code vm-image-<image>} in the images namespace. */
    public static final String IMAGE_PREFIX = "vm-image-";
    /** Tells a VMInstance to attach the disk as a CD-ROM. */
    public static final String OPTICAL_ANNOTATION = "vm-disk.hearth.dev/optical";
    /** An upload target must be bound at once, or the upload proxy has nothing to write to. */
    public static final String BIND_IMMEDIATE_ANNOTATION = "cdi.kubevirt.io/storage.bind.immediate.requested";

    private DataVolumeFor() {}

    public static String name(String diskName) {
        return NAME_PREFIX + diskName;
    }

    /** @param fieldManager the service's field manager, which the managed-by label names */
    public static Cdi.DataVolume desired(VMDisk disk, String imagesNamespace, String fieldManager) {
        ObjectMeta metadata = ChildMetadata.of(disk, name(disk.getMetadata().getName()), fieldManager);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(disk.getSpec().optical)) {
            annotations.put(OPTICAL_ANNOTATION, "true");
        }
        if (disk.getSpec().source.upload != null) {
            annotations.put(BIND_IMMEDIATE_ANNOTATION, "true");
        }
        if (!annotations.isEmpty()) {
            metadata.setAnnotations(annotations);
        }

        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put(
                "resources",
                Map.of("requests", Map.of("storage", disk.getSpec().size.toString())));
        if (disk.getSpec().storageClass != null) {
            storage.put("storageClassName", disk.getSpec().storageClass);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("contentType", "kubevirt");
        spec.put("source", source(disk, imagesNamespace));
        spec.put("storage", storage);

        return Upstream.object(Cdi.DataVolume.class, metadata, spec);
    }

    private static Map<String, Object> source(VMDisk disk, String imagesNamespace) {
        VMDiskSource source = disk.getSpec().source;
        if (source.image != null) {
            return Map.of("pvc", Map.of("namespace", imagesNamespace, "name", IMAGE_PREFIX + source.image.name));
        }
        if (source.http != null) {
            return Map.of("http", Map.of("url", source.http.url));
        }
        if (source.upload != null) {
            return Map.of("upload", Map.of());
        }
        if (source.disk != null) {
            // CDI names the PVC of a DataVolume after the DataVolume
            return Map.of(
                    "pvc", Map.of("namespace", disk.getMetadata().getNamespace(), "name", name(source.disk.name)));
        }
        // the CRD admits exactly one source, so this is blank
        return Map.of("blank", Map.of());
    }
}
