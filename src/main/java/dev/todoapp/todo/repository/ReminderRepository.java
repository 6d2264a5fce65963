package dev.todoapp.todo.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.User;
import dev.todoapp.todo.Todo;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The queries of reminders and the daily digest. Claims lock rows with FOR UPDATE SKIP LOCKED inside
 * the caller's transaction, so several instances share the work and none sends a mail twice; the mark
 * that a row was handled is written in that same transaction, with the mails.
 */
@ApplicationScoped
public class ReminderRepository {

    // the partial index todo_reminder_due serves this (bench/README.md)
    private static final String CLAIM_REMINDERS = """
            select * from todo
            where remind_at is not null and reminder_handled_at is null and remind_at <= :now
            order by remind_at
            limit :limit
            for update skip locked""";
    // a plain update: handling a reminder is no change of the todo (version, updated_at stay)
    private static final String MARK_HANDLED = "update todo set reminder_handled_at = :now where id in (:ids)";
    // in each user's zone: past 08:00, and no digest yet for that local date (PostgreSQL's tz rules, DST included)
    private static final String CLAIM_DIGESTS = """
            select id from app_user
            where daily_digest
              and (cast(:now as timestamptz) at time zone time_zone)::time >= time '08:00'
              and (digest_sent_on is null
                   or digest_sent_on < (cast(:now as timestamptz) at time zone time_zone)::date)
            order by id
            limit :limit
            for update skip locked""";
    private static final String MARK_DIGEST_SENT = "update app_user set digest_sent_on = :day where id = :id";

    /** Up to {@code limit} due reminders not yet handled, oldest first, locked for this transaction. */
    public Uni<List<Todo>> claimDueReminders(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_REMINDERS, Todo.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<Void> markHandled(Collection<UUID> ids, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_HANDLED)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<User>> users(Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from User where id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** Users whose digest of their local today is due (08:00 passed there), locked for this transaction. */
    public Uni<List<User>> claimDueDigests(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_DIGESTS, UUID.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<User>of()) : users(ids));
    }

    public Uni<Void> markDigestSent(UUID userId, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_DIGEST_SENT)
                .setParameter("day", day)
                .setParameter("id", userId)
                .executeUpdate()).replaceWithVoid();
    }

    /** The user's open todos due before {@code end} (today's and the overdue ones), earliest first. */
    public Uni<List<Todo>> openDueBefore(UUID userId, Instant end) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from Todo where userId = :userId and not completed and dueAt < :end"
                        + " order by dueAt, id", Todo.class)
                .setParameter("userId", userId)
                .setParameter("end", end)
                .setMaxResults(100)
                .getResultList());
    }
}
