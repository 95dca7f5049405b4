package dev.hearth.bundle.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** What the cluster runs of a component now: its chart version and values (from its HelmRelease). */
public record Installed(String component, String chartVersion, JsonNode values) {}
