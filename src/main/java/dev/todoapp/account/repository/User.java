package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    /** As the user typed it (trimmed); sign-in compares {@link #emailNormalized}. */
    public String email;

    @Column(name = "email_normalized")
    public String emailNormalized;

    public String name;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
