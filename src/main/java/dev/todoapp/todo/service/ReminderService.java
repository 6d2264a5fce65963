package dev.todoapp.todo.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.User;
import dev.todoapp.config.ReminderConfig;
import dev.todoapp.mail.MailQueue;
import dev.todoapp.todo.Todo;
import dev.todoapp.todo.mail.TodoMails;
import dev.todoapp.todo.repository.ReminderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Sends reminder and daily-digest mails. Each batch is one transaction: claim the due rows (FOR UPDATE
 * SKIP LOCKED, so instances share the work), put the mails into the outbox, mark the rows handled — so
 * a reminder yields exactly one mail whatever crashes or runs twice. The outbox then sends with retry.
 *
 * <p>A due reminder is handled without a mail when its todo is completed, when its owner turned
 * reminders off, or when it is more than {@code reminders.max-lateness} (24 h) late — after downtime;
 * those are logged and counted ({@code todo_reminders_total{outcome="skipped_late"}}). Full batches are
 * separated by {@code reminders.batch-pause}, so a backlog after downtime does not crowd out requests.
 */
@ApplicationScoped
public class ReminderService {

    private static final Logger LOG = Logger.getLogger(ReminderService.class);

    private final ReminderRepository reminders;
    private final TodoMails mails;
    private final MailQueue mailQueue;
    private final ReminderConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Vertx vertx;

    public ReminderService(ReminderRepository reminders, TodoMails mails, MailQueue mailQueue, ReminderConfig config,
                           Clock clock, MeterRegistry metrics, Vertx vertx) {
        this.vertx = vertx;
        this.reminders = reminders;
        this.mails = mails;
        this.mailQueue = mailQueue;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(every = "${reminders.poll-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!config.schedulerEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return sendDueReminders().chain(ignored -> sendDueDigests())
                .onFailure().invoke(failure -> LOG.warnf("Reminder run failed (%s); will try again",
                        failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Handles every due reminder, batch after batch; how many mails were queued. */
    public Uni<Integer> sendDueReminders() {
        return untilDone(() -> Panache.withTransaction(this::reminderBatch));
    }

    /** Queues the daily digest of every user for whom 08:00 has passed today and who has not had it; how many. */
    public Uni<Integer> sendDueDigests() {
        return untilDone(() -> Panache.withTransaction(this::digestBatch));
    }

    /** One batch: how many rows it handled and how many mails it queued. */
    private record Batch(int handled, int queued) {
    }

    private Uni<Integer> untilDone(Supplier<Uni<Batch>> batch) {
        return batch.get().invoke(done -> {
            if (done.queued() > 0) {
                mailQueue.sendPending();
            }
        }).chain(done -> done.handled() < config.batchSize() ? Uni.createFrom().item(done.queued())
                : pause().chain(() -> untilDone(batch)).map(more -> done.queued() + more));
    }

    /** {@code reminders.batch-pause} on a Vert.x timer, which resumes on the caller's context (Panache needs it). */
    private Uni<Void> pause() {
        long millis = config.batchPause().toMillis();
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(resumed -> vertx.setTimer(millis, ignored -> resumed.complete(null)));
    }

    private Uni<Batch> reminderBatch() {
        Instant now = now();
        return reminders.claimDueReminders(now, config.batchSize()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(new Batch(0, 0));
            }
            return reminders.users(due.stream().map(Todo::getUserId).distinct().toList()).chain(found -> {
                Map<UUID, User> owners = found.stream().collect(Collectors.toMap(User::getId, Function.identity()));
                Uni<Integer> queued = Uni.createFrom().item(0);
                for (Todo todo : due) {
                    queued = queued.chain(count -> remind(todo, owners.get(todo.getUserId()), now)
                            .map(sent -> sent ? count + 1 : count));
                }
                return queued.call(() -> reminders.markHandled(due.stream().map(Todo::getId).toList(), now))
                        .map(count -> new Batch(due.size(), count));
            });
        });
    }

    private Uni<Boolean> remind(Todo todo, User owner, Instant now) {
        if (todo.isCompleted() || !owner.isEmailReminders()) {
            count("skipped");
            return Uni.createFrom().item(false);
        }
        Duration late = Duration.between(todo.getRemindAt(), now);
        if (late.compareTo(config.maxLateness()) > 0) {
            count("skipped_late");
            LOG.warnf("Reminder of todo %s skipped: due %s, %d minutes ago (more than %s late)", todo.getId(),
                    todo.getRemindAt(), late.toMinutes(), config.maxLateness());
            return Uni.createFrom().item(false);
        }
        ZoneId zone = ZoneId.of(owner.getTimeZone());
        return mailQueue.enqueue(mails.reminder(owner.getEmail(), owner.getId(), zone, todo)).invoke(() -> count("sent"))
                .replaceWith(true);
    }

    private Uni<Batch> digestBatch() {
        Instant now = now();
        return reminders.claimDueDigests(now, config.batchSize()).chain(users -> {
            Uni<Integer> queued = Uni.createFrom().item(0);
            for (User user : users) {
                queued = queued.chain(count -> digest(user, now).map(sent -> sent ? count + 1 : count));
            }
            return queued.map(count -> new Batch(users.size(), count));
        });
    }

    /** Today's and the overdue open todos; no mail when there are none. */
    private Uni<Boolean> digest(User user, Instant now) {
        ZoneId zone = ZoneId.of(user.getTimeZone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
        return reminders.openDueBefore(user.getId(), endOfToday).chain(todos -> {
            Uni<Boolean> sent = todos.isEmpty() ? Uni.createFrom().item(false)
                    : mailQueue.enqueue(mails.dailyDigest(user.getEmail(), user.getId(), zone, today, todos, now))
                            .replaceWith(true);
            return sent.call(() -> reminders.markDigestSent(user.getId(), today));
        });
    }

    private void count(String outcome) {
        metrics.counter("todo.reminders", "outcome", outcome).increment();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
