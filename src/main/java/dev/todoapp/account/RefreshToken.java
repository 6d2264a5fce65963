package dev.todoapp.account;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Only the SHA-256 of the token is stored; a used row stays so a replay can be recognised. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    /** Set by RefreshTokenRepository.markUsed, which decides races. */
    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected RefreshToken() {
        // for Hibernate
    }

    public RefreshToken(byte[] tokenHash, UUID sessionId, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return expiresAt.isBefore(now);
    }
}
