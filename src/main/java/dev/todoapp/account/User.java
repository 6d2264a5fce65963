package dev.todoapp.account;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.todoapp.common.EmailAddress;

/** An account. The id is generated here (no Hibernate generator: native-image friendly). */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    private UUID id;

    /** As the user typed it (trimmed); sign-in compares {@link #emailNormalized}. */
    private String email;

    @Column(name = "email_normalized")
    private String emailNormalized;

    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    /** IANA zone name: reminders, recurrence and the digest's 08:00 are computed in it. */
    @Column(name = "time_zone")
    private String timeZone = "UTC";

    @Column(name = "email_reminders")
    private boolean emailReminders = true;

    @Column(name = "daily_digest")
    private boolean dailyDigest;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** Null until the owner of the address used a verification link; such an account cannot sign in. */
    @Column(name = "email_verified_at")
    private OffsetDateTime emailVerifiedAt;

    /** The address of the newest email-change request, until its link expires or is used. */
    @Column(name = "pending_email")
    private String pendingEmail;

    @Column(name = "pending_email_until")
    private OffsetDateTime pendingEmailUntil;

    protected User() {
        // for Hibernate
    }

    public User(String email, String name, String passwordHash, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.emailNormalized = EmailAddress.normalized(email);
        this.name = name;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String name, OffsetDateTime now) {
        this.name = name;
        this.updatedAt = now;
    }

    public void changePasswordHash(String passwordHash, OffsetDateTime now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    /** A sign-up again with a still-unverified address: the newest registration's password and name count. */
    public void replaceRegistration(String name, String passwordHash, OffsetDateTime now) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public void markEmailVerified(OffsetDateTime now) {
        this.emailVerifiedAt = now;
        this.updatedAt = now;
    }

    public void requestEmailChange(String newEmail, OffsetDateTime until, OffsetDateTime now) {
        this.pendingEmail = newEmail;
        this.pendingEmailUntil = until;
        this.updatedAt = now;
    }

    /** The owner proved the new address: it becomes the account's, verified. */
    public void changeEmail(String newEmail, OffsetDateTime now) {
        this.email = newEmail;
        this.emailNormalized = EmailAddress.normalized(newEmail);
        this.emailVerifiedAt = now;
        this.pendingEmail = null;
        this.pendingEmailUntil = null;
        this.updatedAt = now;
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    /** The requested new address while its link still works, else null. */
    public String pendingEmailAt(OffsetDateTime now) {
        return pendingEmailUntil != null && pendingEmailUntil.isAfter(now) ? pendingEmail : null;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isEmailReminders() {
        return emailReminders;
    }

    public boolean isDailyDigest() {
        return dailyDigest;
    }

    /** Null arguments leave a setting as it is. */
    public void changeMailSettings(String timeZone, Boolean emailReminders, Boolean dailyDigest, OffsetDateTime now) {
        if (timeZone != null) {
            this.timeZone = timeZone;
        }
        if (emailReminders != null) {
            this.emailReminders = emailReminders;
        }
        if (dailyDigest != null) {
            this.dailyDigest = dailyDigest;
        }
        this.updatedAt = now;
    }
}
