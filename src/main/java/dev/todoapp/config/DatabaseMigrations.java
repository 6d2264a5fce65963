package dev.todoapp.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs Flyway once the settings are checked and (locally) the embedded database is up. Flyway's own
 * migrate-at-start would run before either, so it is off and this does it in order.
 *
 * <p>The JDBC datasource exists only for Flyway: once migrated, its connections are closed, so no idle
 * connection counts against the database's limit (Neon counts them) or keeps a sleeping database awake.
 * It is not part of readiness (DatabaseReadiness checks the reactive pool the service uses).
 */
@ApplicationScoped
public class DatabaseMigrations {

    public static final int STARTUP_ORDER = 20;

    private final Flyway flyway;
    private final AgroalDataSource migrationDataSource;
    private volatile boolean done;

    public DatabaseMigrations(Flyway flyway, AgroalDataSource migrationDataSource) {
        this.flyway = flyway;
        this.migrationDataSource = migrationDataSource;
    }

    void migrate(@Observes @Priority(STARTUP_ORDER) StartupEvent event) {
        flyway.migrate();
        migrationDataSource.flush(AgroalDataSource.FlushMode.ALL);
        done = true;
    }

    /** Whether the schema is in place: timers that start with the scheduler wait for it. */
    public boolean done() {
        return done;
    }
}
