package dev.todoapp.account.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.RefreshToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, byte[]> {

    /**
     * Marks the token used only if nobody used it first: 0 means a concurrent or repeated use. The
     * used token is kept until {@code keptUntil} to recognise a replay, then the purge drops it.
     */
    public Uni<Integer> markUsed(byte[] tokenHash, OffsetDateTime now, OffsetDateTime keptUntil) {
        return update("usedAt = ?1, expiresAt = least(expiresAt, ?3) where tokenHash = ?2 and usedAt is null", now, tokenHash, keptUntil);
    }
}
