package dev.todoapp.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import io.quarkus.runtime.StartupEvent;

/**
 * Runs Flyway once the settings are checked and (locally) the embedded database is up. Flyway's own
 * migrate-at-start would run before either, so it is off and this does it in order.
 */
@ApplicationScoped
public class DatabaseMigrations {

    public static final int STARTUP_ORDER = 20;

    private final Flyway flyway;
    private volatile boolean done;

    public DatabaseMigrations(Flyway flyway) {
        this.flyway = flyway;
    }

    void migrate(@Observes @Priority(STARTUP_ORDER) StartupEvent event) {
        flyway.migrate();
        done = true;
    }

    /** Whether the schema is in place: timers that start with the scheduler wait for it. */
    public boolean done() {
        return done;
    }
}
