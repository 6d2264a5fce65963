package dev.todoapp.mail;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.todoapp.common.EmailAddress;
import dev.todoapp.config.DatabaseMigrations;
import dev.todoapp.config.MailConfig;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Sends what the outbox holds, without blocking: claims due rows with a lease (so several instances
 * never send one mail twice and no transaction stays open while a mail server thinks), sends them
 * through the configured transport, then records sent / retry-later / dead as {@link RetryPolicy} says.
 * Runs at startup (what a previous run left), when nudged after an enqueue, when the earliest retry
 * falls due, and on a slow safety poll. Up to {@code mail.outbox.concurrency} runs at a time, so a send
 * that hangs holds back only its own run's batch, not the mail queued after it.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int STARTUP_ORDER = DatabaseMigrations.STARTUP_ORDER + 10;

    private final MailOutboxRepository outbox;
    private final MailTransport transport;
    private final MailCrypto crypto;
    private final MailConfig.Outbox settings;
    private final RetryPolicy retries;
    private final boolean enabled;
    private final MailSender from;
    private final Vertx vertx;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong nextDueReads = new AtomicLong();
    // the wake-up timer and the number of the next-due reading it was set from; guarded by this
    private long timer = -1;
    private long timerRead;
    private final AtomicLong sent = new AtomicLong();
    private final MailMetrics metrics;
    private final Tracer tracer;

    public MailDispatcher(MailOutboxRepository outbox, MailTransport transport, MailCrypto crypto, MailConfig config,
                          MailMetrics metrics, Tracer tracer, Vertx vertx) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.tracer = tracer;
        this.transport = transport;
        this.crypto = crypto;
        this.settings = config.outbox();
        this.retries = new RetryPolicy(settings.baseDelay(), settings.maxDelay(), settings.maxAttempts(),
                bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        this.enabled = settings.dispatcherEnabled();
        this.from = new MailSender(config.fromName(), config.fromEmail());
        this.vertx = vertx;
    }

    void onStart(@Observes @Priority(STARTUP_ORDER) StartupEvent event) {
        nudge();
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        timer = -1;
    }

    @Scheduled(every = "${mail.outbox.poll-interval}", delayed = "${mail.outbox.poll-interval}")
    void poll() {
        nudge();
    }

    @Scheduled(every = "1h", delayed = "10m")
    Uni<Void> purgeOld() {
        return outbox.purgeOld();
    }

    /** Runs a dispatch soon, and never lost: if every run slot is taken, the next run to finish starts one. */
    public void nudge() {
        if (!enabled) {
            return;
        }
        again.set(true);
        startIfFree();
    }

    private void startIfFree() {
        int current;
        do {
            current = runs.get();
            if (current >= settings.concurrency()) {
                return;
            }
        } while (!runs.compareAndSet(current, current + 1));
        run();
    }

    private void run() {
        // cleared before claiming: a nudge that set it earlier is served by this run's claim
        again.set(false);
        drain().flatMap(ignored -> scheduleNextDue()).call(metrics::refresh)
                .subscribe().with(ignored -> finished(), failure -> {
                    LOG.warnf("Mail dispatch run failed (%s); will try again", failure.getClass().getSimpleName());
                    finished();
                });
    }

    private void finished() {
        runs.decrementAndGet();
        if (again.get()) {
            startIfFree();
        }
    }

    /** Sends every due mail, batch after batch; the number handled. */
    public Uni<Integer> drain() {
        return outbox.claimDue(settings.batchSize(), settings.lease())
                .flatMap(claimed -> {
                    List<Uni<Void>> sends = claimed.stream().map(this::deliver).toList();
                    if (sends.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Integer> batch = Uni.join().all(sends).andCollectFailures().replaceWith(sends.size());
                    return sends.size() < settings.batchSize() ? batch
                            : batch.flatMap(n -> drain().map(more -> n + more));
                });
    }

    long sentCount() {
        return sent.get();
    }

    private Uni<Void> deliver(MailOutboxRepository.Claimed mail) {
        MailCrypto.Body body;
        try {
            body = crypto.open(mail.id(), mail.payload());
        } catch (GeneralSecurityException | RuntimeException e) {
            // JWT_SECRET_KEY changed since the mail was queued: it can never be read again
            return failed(mail, new MailDeliveryException("undecryptable", true, e));
        }
        OutgoingMail outgoing = new OutgoingMail(mail.kind(), mail.recipient(), mail.subject(), body.html(), body.text(),
                OutgoingMail.headersOf(mail.headers()), null);
        Timer.Sample sending = metrics.startSend();
        // a span per attempt (a no-op while tracing is off): kind and attempt only, never the address
        Span span = tracer.spanBuilder("mail send").setSpanKind(SpanKind.CLIENT)
                .setAttribute("mail.kind", mail.kind()).setAttribute("mail.attempt", mail.attempts()).startSpan();
        return transport.send(mail.id().toString(), from, outgoing)
                .ifNoItem().after(settings.sendTimeout()).fail()
                .onItemOrFailure().invoke((ignored, failure) -> {
                    metrics.sendFinished(sending, failure == null ? "sent" : "failed");
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                    }
                    span.end();
                })
                .onItem().transformToUni(ignored -> outbox.markSent(mail.id()).invoke(() -> {
                    sent.incrementAndGet();
                    metrics.sent(mail.kind());
                    LOG.infof("Mail %s (%s) sent to %s on attempt %d", mail.id(), mail.kind(),
                            EmailAddress.masked(mail.recipient()), mail.attempts());
                }))
                .onFailure().recoverWithUni(failure -> failed(mail, MailDeliveryException.of(failure)));
    }

    private Uni<Void> failed(MailOutboxRepository.Claimed mail, MailDeliveryException failure) {
        metrics.failedAttempt(mail.kind());
        if (retries.givesUp(mail.attempts(), failure.permanent())) {
            return outbox.markDead(mail.id(), failure.errorClass()).invoke(() -> {
                metrics.died(mail.kind());
                LOG.errorf("Mail %s (%s) to %s is dead after %d attempt(s): %s%s", mail.id(), mail.kind(),
                        EmailAddress.masked(mail.recipient()), mail.attempts(), failure.errorClass(),
                        failure.permanent() ? " (permanent failure)" : "");
            });
        }
        Duration delay = retries.delayAfter(mail.attempts());
        return outbox.retryLater(mail.id(), delay, failure.errorClass()).invoke(() ->
                LOG.warnf("Mail %s (%s) to %s failed on attempt %d (%s); retry in %d ms", mail.id(), mail.kind(),
                        EmailAddress.masked(mail.recipient()), mail.attempts(), failure.errorClass(), delay.toMillis()));
    }

    /** Wakes this instance when the earliest pending mail (a retry, or another sender's lapsed lease) falls due. */
    private Uni<Void> scheduleNextDue() {
        long read = nextDueReads.incrementAndGet();
        return outbox.millisUntilNextDue().invoke(wait -> {
            if (wait != null) {
                wakeIn(read, Math.max(10, Math.min(wait, settings.pollInterval().toMillis())));
            }
        }).replaceWithVoid();
    }

    /**
     * One timer per instance. Runs overlap, so their readings can come back out of order: one older than
     * the timer's own reading may have missed a retry that reading saw, and must not replace it.
     */
    private synchronized void wakeIn(long read, long ms) {
        if (read < timerRead) {
            return;
        }
        timerRead = read;
        vertx.cancelTimer(timer);
        timer = vertx.setTimer(ms, ignored -> nudge());
    }
}
