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

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

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
}
