package dev.todoapp.config;

/** Startup refused because of configuration; the message lists every problem and never a value. */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message, null, false, false);
    }
}
