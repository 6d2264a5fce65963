package dev.todoapp.support;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Hands every record the service logs (the root logger's) to a test until closed: start, act, close. */
public final class LogCapture implements AutoCloseable {

    private final Handler handler;

    private LogCapture(Consumer<LogRecord> each) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                each.accept(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start(Consumer<LogRecord> each) {
        return new LogCapture(each);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
