package dev.todoapp.account;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A link that proves someone reads an address: verifying a new account, or moving an account to a new
 * address. Only the SHA-256 of the emailed token is stored; valid while unused, unexpired and owned.
 */
@Entity
@Table(name = "email_token")
public class EmailToken {

    public static final String VERIFY = "verify";
    public static final String CHANGE = "change";

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    /** Null on decoy rows. */
    @Column(name = "user_id")
    private UUID userId;

    private String purpose;

    @Column(name = "new_email")
    private String newEmail;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    /** Set when used or superseded. */
    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected EmailToken() {
        // for Hibernate
    }

    private EmailToken(byte[] tokenHash, UUID userId, String purpose, String newEmail, OffsetDateTime now,
                       OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.purpose = purpose;
        this.newEmail = newEmail;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        // a decoy is born spent, so it can never be used
        this.usedAt = userId == null ? now : null;
    }

    /** With a null owner: a decoy that costs the same statements as a real token. */
    public static EmailToken verification(byte[] tokenHash, UUID userId, OffsetDateTime now, OffsetDateTime expiresAt) {
        return new EmailToken(tokenHash, userId, VERIFY, null, now, expiresAt);
    }

    public static EmailToken change(byte[] tokenHash, UUID userId, String newEmail, OffsetDateTime now,
                                    OffsetDateTime expiresAt) {
        return new EmailToken(tokenHash, userId, CHANGE, newEmail, now, expiresAt);
    }

    public UUID getUserId() {
        return userId;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public boolean isChange() {
        return CHANGE.equals(purpose);
    }
}
