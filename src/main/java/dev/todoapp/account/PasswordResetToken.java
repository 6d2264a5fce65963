package dev.todoapp.account;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Only the SHA-256 of the emailed token is stored. Valid while unused, unexpired and owned. */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken {

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    /** Null on the decoy rows written for unknown addresses. */
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    /** Set when used or superseded. */
    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected PasswordResetToken() {
        // for Hibernate
    }

    /** A usable token of {@code userId}, or with a null owner a decoy that is born spent. */
    public PasswordResetToken(byte[] tokenHash, UUID userId, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.usedAt = userId == null ? now : null;
    }

    public UUID getUserId() {
        return userId;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public boolean usableAt(OffsetDateTime now) {
        return userId != null && usedAt == null && expiresAt.isAfter(now);
    }
}
