package dev.hearth.bundle.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The warnings {@link ChartSchemas} logs during each test, as formatted messages: a test registers it with
 * {@code @RegisterExtension}.
 */
final class ChartSchemaWarnings extends Handler implements BeforeEachCallback, AfterEachCallback {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    List<String> messages() {
        return messages;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger.getLogger(ChartSchemas.class.getName()).addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger(ChartSchemas.class.getName()).removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(((ExtLogRecord) record).getFormattedMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
