package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.EmailToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EmailTokenRepository implements PanacheRepositoryBase<EmailToken, byte[]> {

    /** Spends the token only if it is still usable: 0 means unknown, used, superseded, expired or raced. */
    public Uni<Integer> spend(byte[] tokenHash, OffsetDateTime now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1 and userId is not null",
                now, tokenHash);
    }

    /** Ends the user's open links of one purpose: only the newest link works. */
    public Uni<Integer> supersede(UUID userId, String purpose, OffsetDateTime now) {
        return update("usedAt = ?1 where userId = ?2 and purpose = ?3 and usedAt is null", now, userId, purpose);
    }

    public Uni<Long> deleteExpiredBefore(OffsetDateTime cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
