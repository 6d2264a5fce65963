package dev.todoapp.account.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.todoapp.account.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** The unique constraint on the normalised address (V1 migration): two sign-ups with one address. */
    public static final String EMAIL_UNIQUE = "app_user_email_unique";

    public Uni<User> findByEmail(String normalizedEmail) {
        return find("emailNormalized", normalizedEmail).firstResult();
    }

    /** Locks the row, so concurrent password-reset steps for one user run one after another. */
    public Uni<User> findByEmailForUpdate(String normalizedEmail) {
        return find("emailNormalized", normalizedEmail).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
