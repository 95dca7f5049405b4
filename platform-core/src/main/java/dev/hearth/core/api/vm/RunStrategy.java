package dev.hearth.core.api.vm;

/** KubeVirt run strategies. */
public enum RunStrategy {
    Always,
    Halted,
    Manual,
    RerunOnFailure,
    Once
}
