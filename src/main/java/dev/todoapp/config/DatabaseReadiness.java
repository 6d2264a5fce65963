package dev.todoapp.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.todoapp.common.PoolStatements;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Readiness: one {@code select 1} on the reactive pool every request runs on. Quarkus' own datasource checks
 * are off: they also checked the JDBC datasource, which only Flyway uses at startup and which holds no
 * connection afterwards. A probe that finds no answer within the timeout reports DOWN rather than hanging.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final String NAME = "database";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return PoolStatements.query(pool, "select 1")
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(() -> HealthCheckResponse.down(NAME));
    }
}
