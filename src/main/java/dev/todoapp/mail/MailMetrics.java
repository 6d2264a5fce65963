package dev.todoapp.mail;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.config.DatabaseMigrations;
import dev.todoapp.config.MailConfig;
import dev.todoapp.config.ServiceConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The outbox on /q/metrics (management port): what waits and how long, and per transport and kind what
 * was sent, failed an attempt or died. Labels are the transport and the template kind only, never an
 * address. The backlog gauges are read from the database every 15 s and after each dispatch run, since
 * a Prometheus gauge must answer without blocking and every instance sees the same table.
 */
@ApplicationScoped
public class MailMetrics {

    private static final Logger LOG = Logger.getLogger(MailMetrics.class);

    private final MeterRegistry registry;
    private final MailOutboxRepository outbox;
    private final String transport;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    private final DatabaseMigrations migrations;

    public MailMetrics(MeterRegistry registry, MailOutboxRepository outbox, MailConfig mail, ServiceConfig service,
                       DatabaseMigrations migrations) {
        this.registry = registry;
        this.migrations = migrations;
        this.outbox = outbox;
        this.transport = MailConfig.transportOrDefault(mail.transport(), service.production());
        Gauge.builder("mail.outbox.pending", pending, AtomicLong::get)
                .description("Mails waiting to be sent (all instances)").register(registry);
        Gauge.builder("mail.outbox.dead", dead, AtomicLong::get)
                .description("Mails given up on and not yet requeued, discarded or purged").register(registry);
        Gauge.builder("mail.outbox.oldest.pending", oldestPendingSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest pending mail; 0 when none waits").register(registry);
    }

    void sent(String kind) {
        counter("mail.outbox.sent", kind, "Mails delivered to the transport").increment();
    }

    void failedAttempt(String kind) {
        counter("mail.outbox.failed.attempts", kind, "Send attempts that failed (retried or dead)").increment();
    }

    void died(String kind) {
        counter("mail.outbox.died", kind, "Mails given up on").increment();
    }

    Timer.Sample startSend() {
        return Timer.start(registry);
    }

    void sendFinished(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("mail.send").description("Time a transport took to accept (or refuse) one mail")
                .tag("transport", transport).tag("outcome", outcome).register(registry));
    }

    /**
     * Reads the backlog again; never fails (a database outage leaves the last values). The scheduler starts
     * before Flyway has run, and on a first start the table does not exist yet: until then, nothing is read.
     */
    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!migrations.done()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.state().invoke(state -> {
            pending.set(state.pending());
            dead.set(state.dead());
            oldestPendingSeconds.set(state.oldestPendingSeconds());
        }).replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.debugf("Outbox metrics not refreshed: %s", failure.getClass().getSimpleName());
            return null;
        });
    }

    private Counter counter(String name, String kind, String description) {
        return Counter.builder(name).description(description).tag("transport", transport).tag("kind", kind).register(registry);
    }
}
