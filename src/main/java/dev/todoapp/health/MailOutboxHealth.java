package dev.todoapp.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.todoapp.config.MailConfig;
import dev.todoapp.config.ServiceConfig;
import dev.todoapp.mail.MailDispatcher;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The outbox at a glance on /q/health and /q/health/well. Always UP: a failing mail provider must
 * not take the service out of rotation (readiness), but operators must see it here.
 */
@Wellness
@ApplicationScoped
public class MailOutboxHealth implements AsyncHealthCheck {

    private static final String STATE = """
            select count(*) filter (where status = 'pending') as pending,
                   count(*) filter (where status = 'dead') as dead,
                   coalesce(extract(epoch from now() - min(created_at) filter (where status = 'pending')), 0)::bigint
                       as oldest_pending_seconds,
                   (select last_error from mail_outbox where last_error is not null
                    order by updated_at desc limit 1) as last_error
            from mail_outbox""";

    private final Pool pool;
    private final MailDispatcher dispatcher;
    private final String transport;

    public MailOutboxHealth(Pool pool, MailDispatcher dispatcher, MailConfig mail, ServiceConfig service) {
        this.pool = pool;
        this.dispatcher = dispatcher;
        this.transport = MailConfig.transportOrDefault(mail.transport(), service.production());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mail-outbox").up()
                .withData("transport", transport)
                .withData("sentSinceStart", dispatcher.sentCount())
                .withData("failedAttemptsSinceStart", dispatcher.failedAttemptCount())
                .withData("deadSinceStart", dispatcher.deadCount());
        return pool.query(STATE).execute().map(rows -> {
            Row row = rows.iterator().next();
            response.withData("pending", row.getLong("pending")).withData("dead", row.getLong("dead"))
                    .withData("oldestPendingSeconds", row.getLong("oldest_pending_seconds"));
            String lastError = row.getString("last_error");
            return response.withData("lastError", lastError == null ? "none" : lastError).build();
        }).onFailure().recoverWithItem(e -> response.withData("pending", "unknown (database unreachable)").build());
    }
}
