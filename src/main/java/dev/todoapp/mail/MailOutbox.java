package dev.todoapp.mail;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One mail waiting to leave (or sent, or given up on). The body is sealed by {@link MailCrypto}. Only
 * written through Hibernate (in the caller's transaction); the dispatcher's claims and outcomes are
 * statements of {@link MailOutboxRepository}.
 */
@Entity
@Table(name = "mail_outbox")
public class MailOutbox {

    static final String PENDING = "pending";

    @Id
    private UUID id;

    private String kind;
    private String recipient;
    private String subject;
    private byte[] payload;
    private String headers;
    private String status;
    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "valid_until")
    private OffsetDateTime validUntil;

    protected MailOutbox() {
        // for Hibernate
    }

    /** A pending mail, due at once; {@code sealed} binds the body to {@code id}. */
    MailOutbox(UUID id, OutgoingMail mail, byte[] sealed, OffsetDateTime now) {
        this.id = id;
        this.kind = mail.kind();
        this.recipient = mail.to();
        this.subject = mail.subject();
        this.payload = sealed;
        this.headers = mail.storedHeaders();
        this.status = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
        this.validUntil = mail.validUntil();
    }
}
