package dev.todoapp.account.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByEmail(String normalizedEmail) {
        return find("emailNormalized", normalizedEmail).firstResult();
    }

    /** Locks the row, so concurrent password-reset steps for one user run one after another. */
    public Uni<User> findByEmailForUpdate(String normalizedEmail) {
        return find("emailNormalized", normalizedEmail).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
