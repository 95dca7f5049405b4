package dev.hearth.core.naming;

/** A tenant name that breaks the naming rule; the message says what to change. */
public class InvalidTenantNameException extends IllegalArgumentException {
    public InvalidTenantNameException(String message) {
        super(message);
    }
}
