package dev.todoapp.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * How features send mail: {@link #enqueue} inside their own transaction (so the mail exists exactly
 * when the change does), then {@link #sendPending} after the commit so it leaves within seconds.
 */
@ApplicationScoped
public class MailQueue {

    private final MailOutboxRepository outbox;
    private final MailCrypto crypto;
    private final MailDispatcher dispatcher;

    public MailQueue(MailOutboxRepository outbox, MailCrypto crypto, MailDispatcher dispatcher) {
        this.outbox = outbox;
        this.crypto = crypto;
        this.dispatcher = dispatcher;
    }

    /** Must run inside a Panache transaction. */
    public Uni<Void> enqueue(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        MailOutbox row = new MailOutbox(id, mail, crypto.seal(id, mail.html(), mail.text()), OffsetDateTime.now(ZoneOffset.UTC));
        return outbox.persist(row).replaceWithVoid();
    }

    /** Starts a dispatch run now instead of at the next timer; returns at once. */
    public void sendPending() {
        dispatcher.nudge();
    }
}
