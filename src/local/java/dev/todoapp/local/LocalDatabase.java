package dev.todoapp.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.todoapp.config.DatabaseMigrations;
import dev.todoapp.config.ProductionSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs a real PostgreSQL from the zonky binaries when no DATABASE_URL is set outside production, so
 * the service runs with zero setup. Data stays in a local folder across restarts. This class is
 * built only by the default Maven profile: native and production images do not contain it.
 */
@ApplicationScoped
public class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);
    private static final int STARTUP_ORDER = (ProductionSettings.STARTUP_ORDER + DatabaseMigrations.STARTUP_ORDER) / 2;

    private final boolean enabled;
    private final int port;
    private final Path directory;
    private final String environment;
    private EmbeddedPostgres postgres;

    public LocalDatabase(@ConfigProperty(name = "local-database.enabled") boolean enabled,
                         @ConfigProperty(name = "local-database.port") int port,
                         @ConfigProperty(name = "local-database.directory") String directory,
                         @ConfigProperty(name = "service.environment") Optional<String> environment) {
        this.enabled = enabled;
        this.port = port;
        this.directory = Path.of(directory).toAbsolutePath();
        this.environment = environment.orElse("local");
    }

    void start(@Observes @Priority(STARTUP_ORDER) StartupEvent event) throws IOException {
        if (!enabled || "production".equalsIgnoreCase(environment)) {
            return;
        }
        Files.createDirectories(directory);
        removeStalePidFile();
        LOG.infof("No DATABASE_URL: starting the embedded PostgreSQL on port %d with data in %s", port, directory);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /**
     * After a crash postmaster.pid stays behind: either its process is gone (PostgreSQL then refuses to
     * start, so drop the file) or an orphaned postmaster of ours still holds the folder (stop it first).
     */
    private void removeStalePidFile() throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> owner;
        try {
            owner = ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            owner = Optional.empty();
        }
        if (owner.isPresent() && owner.get().info().command().orElse("").contains("postgres")) {
            LOG.warn("Stopping an orphaned embedded PostgreSQL left by an earlier crash");
            owner.get().destroy();
            owner.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        if (Files.deleteIfExists(pidFile)) {
            LOG.warn("Removed a stale postmaster.pid left by an earlier crash");
        }
    }
}
