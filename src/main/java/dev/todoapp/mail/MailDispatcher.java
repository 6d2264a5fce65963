package dev.todoapp.mail;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.todoapp.common.EmailAddress;
import dev.todoapp.config.DatabaseMigrations;
import dev.todoapp.config.MailConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends what the outbox holds, without blocking: claims due rows with FOR UPDATE SKIP LOCKED and a
 * lease (so several instances never send one mail twice and no transaction stays open while a mail
 * server thinks), sends them, then records sent / retry-later (exponential backoff with jitter) /
 * dead. Runs at startup (what a previous run left), when nudged after an enqueue, when the earliest
 * retry falls due, and on a slow safety poll.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int STARTUP_ORDER = DatabaseMigrations.STARTUP_ORDER + 10;

    private static final String CLAIM = """
            with due as (
                select id from mail_outbox
                where status = 'pending' and next_attempt_at <= now()
                order by next_attempt_at
                limit $1
                for update skip locked)
            update mail_outbox o
            set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
            from due where o.id = due.id
            returning o.id, o.kind, o.recipient, o.subject, o.payload, o.attempts""";
    private static final String SENT = "update mail_outbox set status = 'sent', payload = null, sent_at = now(),"
            + " updated_at = now() where id = $1 and status = 'pending'";
    private static final String RETRY = "update mail_outbox set next_attempt_at = now() + make_interval(secs => $2),"
            + " last_error = $3, updated_at = now() where id = $1 and status = 'pending'";
    private static final String DEAD = "update mail_outbox set status = 'dead', payload = null, last_error = $2,"
            + " updated_at = now() where id = $1 and status = 'pending'";
    private static final String PURGE = "delete from mail_outbox where (status = 'sent' and updated_at < now() - interval '7 days')"
            + " or (status = 'dead' and updated_at < now() - interval '30 days')";
    private static final String NEXT_DUE = "select extract(epoch from min(next_attempt_at) - now()) * 1000"
            + " from mail_outbox where status = 'pending'";

    private record Claimed(UUID id, String kind, String recipient, String subject, byte[] payload, int attempts) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getString("kind"), row.getString("recipient"),
                    row.getString("subject"), row.getBuffer("payload") == null ? null : row.getBuffer("payload").getBytes(),
                    row.getInteger("attempts"));
        }
    }

    private final Pool pool;
    private final MailTransport transport;
    private final MailCrypto crypto;
    private final MailConfig.Outbox settings;
    private final boolean enabled;
    private final MailSender from;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong timer = new AtomicLong(-1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();

    public MailDispatcher(Pool pool, MailTransport transport, MailCrypto crypto, MailConfig config, Vertx vertx) {
        this.pool = pool;
        this.transport = transport;
        this.crypto = crypto;
        this.settings = config.outbox();
        this.enabled = settings.dispatcherEnabled();
        this.from = new MailSender(config.fromName(), config.fromEmail());
        this.vertx = vertx;
    }

    void onStart(@Observes @Priority(STARTUP_ORDER) StartupEvent event) {
        nudge();
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer.getAndSet(-1));
    }

    @Scheduled(every = "${mail.outbox.poll-interval}", delayed = "${mail.outbox.poll-interval}")
    void poll() {
        nudge();
    }

    /** Sent rows are kept a week and dead ones a month (bodies are already gone), for support questions. */
    @Scheduled(every = "1h", delayed = "10m")
    Uni<Void> purgeOld() {
        return update(PURGE, Tuple.tuple());
    }

    /** Runs a dispatch soon; never more than one run per instance at a time, and never lost. */
    public void nudge() {
        if (!enabled) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        again.set(false);
        drain().flatMap(ignored -> scheduleNextDue())
                .subscribe().with(ignored -> finished(), failure -> {
                    LOG.warnf("Mail dispatch run failed (%s); will try again", failure.getClass().getSimpleName());
                    finished();
                });
    }

    private void finished() {
        running.set(false);
        if (again.get() && running.compareAndSet(false, true)) {
            run();
        }
    }

    /** Sends every due mail, batch after batch; the number handled. */
    public Uni<Integer> drain() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(settings.batchSize(), (double) settings.lease().toSeconds()))
                .flatMap(rows -> {
                    List<Uni<Void>> sends = new ArrayList<>();
                    rows.forEach(row -> sends.add(deliver(Claimed.of(row))));
                    if (sends.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Integer> batch = Uni.join().all(sends).andCollectFailures().replaceWith(sends.size());
                    return sends.size() < settings.batchSize() ? batch
                            : batch.flatMap(n -> drain().map(more -> n + more));
                });
    }

    public long sentCount() {
        return sent.get();
    }

    public long failedAttemptCount() {
        return failedAttempts.get();
    }

    public long deadCount() {
        return dead.get();
    }

    private Uni<Void> deliver(Claimed mail) {
        MailCrypto.Body body;
        try {
            body = crypto.open(mail.id(), mail.payload());
        } catch (GeneralSecurityException | RuntimeException e) {
            // JWT_SECRET_KEY changed since the mail was queued: it can never be read again
            return failed(mail, new MailDeliveryException("undecryptable", true, e));
        }
        OutgoingMail outgoing = new OutgoingMail(mail.kind(), mail.recipient(), mail.subject(), body.html(), body.text());
        return transport.send(mail.id().toString(), from, outgoing)
                .ifNoItem().after(settings.sendTimeout()).fail()
                .onItem().transformToUni(ignored -> update(SENT, Tuple.of(mail.id())).invoke(() -> {
                    sent.incrementAndGet();
                    LOG.infof("Mail %s (%s) sent to %s on attempt %d", mail.id(), mail.kind(),
                            EmailAddress.masked(mail.recipient()), mail.attempts());
                }))
                .onFailure().recoverWithUni(failure -> failed(mail, MailDeliveryException.of(failure)));
    }

    private Uni<Void> failed(Claimed mail, MailDeliveryException failure) {
        failedAttempts.incrementAndGet();
        if (failure.permanent() || mail.attempts() >= settings.maxAttempts()) {
            return update(DEAD, Tuple.of(mail.id(), failure.errorClass())).invoke(() -> {
                dead.incrementAndGet();
                LOG.errorf("Mail %s (%s) to %s is dead after %d attempt(s): %s%s", mail.id(), mail.kind(),
                        EmailAddress.masked(mail.recipient()), mail.attempts(), failure.errorClass(),
                        failure.permanent() ? " (permanent failure)" : "");
            });
        }
        Duration delay = backoff(mail.attempts());
        return update(RETRY, Tuple.of(mail.id(), delay.toMillis() / 1000.0, failure.errorClass())).invoke(() ->
                LOG.warnf("Mail %s (%s) to %s failed on attempt %d (%s); retry in %d ms", mail.id(), mail.kind(),
                        EmailAddress.masked(mail.recipient()), mail.attempts(), failure.errorClass(), delay.toMillis()));
    }

    /** base * 2^(attempt-1), capped, then a random half of it dropped so instances do not retry in lockstep. */
    Duration backoff(int attempt) {
        long base = settings.baseDelay().toMillis();
        long capped = Math.min(settings.maxDelay().toMillis(), base << Math.min(attempt - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Wakes this instance when the earliest pending mail (a retry, or another sender's lapsed lease) falls due. */
    private Uni<Void> scheduleNextDue() {
        return pool.query(NEXT_DUE).execute().invoke(rows -> {
            Object wait = rows.iterator().next().getValue(0);
            if (wait == null) {
                return;
            }
            long ms = Math.max(10, Math.min(((Number) wait).longValue(), settings.pollInterval().toMillis()));
            long id = vertx.setTimer(ms, ignored -> nudge());
            vertx.cancelTimer(timer.getAndSet(id));
        }).replaceWithVoid();
    }

    private Uni<Void> update(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }
}
