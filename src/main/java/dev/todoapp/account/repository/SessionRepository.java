package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    public Uni<Integer> revoke(UUID sessionId, OffsetDateTime now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, sessionId);
    }

    public Uni<Integer> revokeAllOf(UUID userId, OffsetDateTime now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }
}
