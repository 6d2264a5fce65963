package dev.todoapp.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;

/**
 * The outbox on /q/health/well (and /q/health): DOWN while a mail has waited longer than ten minutes
 * or the outbox cannot be read. A wellness check, never readiness: a mail provider outage must not take
 * instances out of rotation. It carries no numbers, transport or error text: the page is public, and
 * those move with requests (an enumeration oracle); operators read them on /q/metrics.
 */
@Wellness
@ApplicationScoped
public class MailOutboxHealth implements AsyncHealthCheck {

    static final Duration BACKLOG = Duration.ofMinutes(10);

    private final MailOutboxRepository outbox;

    public MailOutboxHealth(MailOutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return outbox.state()
                .map(state -> HealthCheckResponse.named("mail-outbox").status(state.oldestPendingSeconds() <= BACKLOG.toSeconds()).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.down("mail-outbox"));
    }
}
