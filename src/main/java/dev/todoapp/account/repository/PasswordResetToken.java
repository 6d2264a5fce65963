package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Only the SHA-256 of the emailed token is stored. Valid while unused, unexpired and owned. */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;

    /** Null on the decoy rows written for unknown addresses. */
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** Set when used or superseded. */
    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    public boolean usableAt(OffsetDateTime now) {
        return userId != null && usedAt == null && expiresAt.isAfter(now);
    }
}
