package dev.todoapp.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.todoapp.config.MailConfig;
import dev.todoapp.config.ServiceConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;

/**
 * The outbox at a glance on /q/health and /q/health/well. Always UP: a failing mail provider must
 * not take the service out of rotation (readiness), but operators must see it here.
 */
@Wellness
@ApplicationScoped
public class MailOutboxHealth implements AsyncHealthCheck {

    private final MailOutboxRepository outbox;
    private final MailDispatcher dispatcher;
    private final String transport;

    public MailOutboxHealth(MailOutboxRepository outbox, MailDispatcher dispatcher, MailConfig mail, ServiceConfig service) {
        this.outbox = outbox;
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
        return outbox.state().map(state -> {
            response.withData("pending", state.pending()).withData("dead", state.dead())
                    .withData("oldestPendingSeconds", state.oldestPendingSeconds());
            return response.withData("lastError", state.lastError() == null ? "none" : state.lastError()).build();
        }).onFailure().recoverWithItem(e -> response.withData("pending", "unknown (database unreachable)").build());
    }
}
