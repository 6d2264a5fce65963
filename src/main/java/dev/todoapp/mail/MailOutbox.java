package dev.todoapp.mail;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One mail waiting to leave (or sent, or given up on). The body is sealed by {@link MailCrypto}. */
@Entity
@Table(name = "mail_outbox")
public class MailOutbox extends PanacheEntityBase {

    public static final String PENDING = "pending";

    @Id
    public UUID id;

    public String kind;

    public String recipient;

    public String subject;

    public byte[] payload;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
