package dev.hearth.core.api.vm;

/** How an external VM is exposed: only the listed ports, or every port of its IP. */
public enum ExternalMethod {
    PortList,
    WholeIP
}
