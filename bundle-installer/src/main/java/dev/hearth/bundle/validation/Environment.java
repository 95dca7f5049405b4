package dev.hearth.bundle.validation;

/** What a bundle is checked against: the cluster's Kubernetes minor ({@code "1.35"}) and the running Hearth version. */
public record Environment(String kubernetesMinor, String hearthVersion) {}
