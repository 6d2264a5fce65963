package dev.todoapp.mail;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * What an operator does with mail that could not be delivered: list dead and pending mails, requeue a
 * dead one (fresh attempts, sent within seconds) or discard one. A mail whose content has expired (its
 * {@link OutgoingMail#validUntil()}, e.g. a reset link) is never requeued.
 */
@ApplicationScoped
public class MailAdmin {

    private static final Logger LOG = Logger.getLogger(MailAdmin.class);
    static final int LIST_LIMIT = 200;

    enum Outcome {
        DONE, UNKNOWN, EXPIRED, BODY_GONE, WRONG_STATE
    }

    /** The outcome, and for a refusal the mail's status. */
    record Result(Outcome outcome, String status) {
    }

    private final MailOutboxRepository outbox;
    private final MailDispatcher dispatcher;
    private final MailMetrics metrics;

    public MailAdmin(MailOutboxRepository outbox, MailDispatcher dispatcher, MailMetrics metrics) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    Uni<List<MailOutboxRepository.Listed>> list(List<String> states) {
        return outbox.inStates(states, LIST_LIMIT);
    }

    Uni<Result> requeue(UUID id) {
        return outbox.requeueDead(id).flatMap(requeued -> {
            if (!requeued) {
                return whyNotRequeued(id);
            }
            LOG.infof("Mail %s requeued by an operator", id);
            dispatcher.nudge();
            return metrics.refresh().replaceWith(new Result(Outcome.DONE, MailOutbox.PENDING));
        });
    }

    Uni<Result> discard(UUID id) {
        return outbox.discard(id).flatMap(discarded -> {
            if (!discarded) {
                return outbox.standing(id).map(standing -> standing == null ? new Result(Outcome.UNKNOWN, null)
                        : new Result(Outcome.WRONG_STATE, standing.status()));
            }
            LOG.infof("Mail %s discarded by an operator", id);
            return metrics.refresh().replaceWith(new Result(Outcome.DONE, "discarded"));
        });
    }

    /** Why the row was left as it was: read after the refused update, so it may have moved on since. */
    private Uni<Result> whyNotRequeued(UUID id) {
        return outbox.standing(id).map(standing -> {
            if (standing == null) {
                return new Result(Outcome.UNKNOWN, null);
            }
            if (!"dead".equals(standing.status())) {
                return new Result(Outcome.WRONG_STATE, standing.status());
            }
            if (standing.expired()) {
                return new Result(Outcome.EXPIRED, standing.status());
            }
            return new Result(standing.hasBody() ? Outcome.WRONG_STATE : Outcome.BODY_GONE, standing.status());
        });
    }
}
