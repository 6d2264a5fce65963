package dev.todoapp.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One signed-in client. Access tokens name it (sid), so revoking it ends them at once. It ends at
 * {@code expiresAt} however busy (absolute lifetime) and at {@code idleExpiresAt}, which each refresh
 * pushes forward (idle lifetime).
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    @Id
    private UUID id;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "idle_expires_at")
    private OffsetDateTime idleExpiresAt;

    /** Set by SessionRepository's revoking updates. */
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected AuthSession() {
        // for Hibernate
    }

    public AuthSession(UUID userId, OffsetDateTime now, Duration idleLifetime, Duration maxLifetime) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.createdAt = now;
        this.expiresAt = now.plus(maxLifetime);
        this.idleExpiresAt = earliest(now.plus(idleLifetime), expiresAt);
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    /** Whether the session may still be used: neither revoked nor past either lifetime. */
    public boolean isOpenAt(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(idleExpiresAt);
    }

    /** A refresh shows the client is active: the idle end moves, never past the absolute end. Returns it. */
    public OffsetDateTime touch(OffsetDateTime now, Duration idleLifetime) {
        idleExpiresAt = earliest(now.plus(idleLifetime), expiresAt);
        return idleExpiresAt;
    }

    public OffsetDateTime getIdleExpiresAt() {
        return idleExpiresAt;
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
