package dev.hearth.catalog.definition;

/** An ApplicationDefinition that cannot become a kind; the message says what to fix. */
public class InvalidDefinitionException extends RuntimeException {
    public InvalidDefinitionException(String message) {
        super(message);
    }
}
