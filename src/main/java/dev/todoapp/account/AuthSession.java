package dev.todoapp.account;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One signed-in client. Access tokens name it (sid), so revoking it ends them at once. */
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

    /** Set by SessionRepository's revoking updates. */
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected AuthSession() {
        // for Hibernate
    }

    public AuthSession(UUID userId, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
