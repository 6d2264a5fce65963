package dev.todoapp.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * How use cases send mail: {@link #add} inside their own transaction (so the mail exists exactly when
 * the change does), then {@link #sendPending} after the commit so it leaves within seconds.
 */
@ApplicationScoped
public class MailQueue {

    private final MailCrypto crypto;
    private final MailDispatcher dispatcher;

    public MailQueue(MailCrypto crypto, MailDispatcher dispatcher) {
        this.crypto = crypto;
        this.dispatcher = dispatcher;
    }

    /** Must run inside a Panache transaction. */
    public Uni<Void> add(OutgoingMail mail) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        MailOutbox row = new MailOutbox();
        row.id = UUID.randomUUID();
        row.kind = mail.kind();
        row.recipient = mail.to();
        row.subject = mail.subject();
        row.payload = crypto.seal(row.id, mail.html(), mail.text());
        row.status = MailOutbox.PENDING;
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return row.persist().replaceWithVoid();
    }

    /** Starts a dispatch run now instead of at the next timer; returns at once. */
    public void sendPending() {
        dispatcher.nudge();
    }
}
