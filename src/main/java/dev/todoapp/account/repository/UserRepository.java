package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
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

    /** Accounts whose address was never verified and that nobody registered again since {@code cutoff}. */
    public Uni<Long> deleteUnverifiedBefore(OffsetDateTime cutoff) {
        return delete("emailVerifiedAt is null and updatedAt < ?1", cutoff);
    }

    /** A transaction-scoped advisory lock: true for exactly one of the instances asking at once. */
    public Uni<Boolean> tryJobLock(long key) {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", key)
                .getSingleResult());
    }
}
