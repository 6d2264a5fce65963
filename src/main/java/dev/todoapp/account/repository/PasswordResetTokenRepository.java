package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.PasswordResetToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PasswordResetTokenRepository implements PanacheRepositoryBase<PasswordResetToken, byte[]> {

    /** Spends the token only if it is still usable: 0 means unknown, used, superseded, expired or raced. */
    public Uni<Integer> spend(byte[] tokenHash, OffsetDateTime now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1 and userId is not null",
                now, tokenHash);
    }

    /** Ends every open token of the user: a newer request or a completed reset makes older links useless. */
    public Uni<Integer> supersedeAll(UUID userId, OffsetDateTime now) {
        return update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }

    /** Rows expired before {@code cutoff} can never be used again; dropping them keeps the table small. */
    public Uni<Long> deleteExpiredBefore(OffsetDateTime cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
