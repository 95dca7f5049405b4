package dev.hearth.bundle.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** The warnings {@link ChartSchemas} logs while attached, as formatted messages. */
final class ChartSchemaWarnings extends Handler {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    List<String> messages() {
        return messages;
    }

    void attach() {
        Logger.getLogger(ChartSchemas.class.getName()).addHandler(this);
    }

    void detach() {
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
