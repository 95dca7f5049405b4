package dev.hearth.catalog.instance;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hearth.core.api.HearthStatus;

/** Status of an app instance: the Ready condition and chart version mirrored from its HelmRelease. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class InstanceStatus extends HearthStatus {
    public String version;
}
