package dev.todoapp.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.todoapp.common.DatabaseErrors;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Runs a write so that it finishes once begun and, with an {@code Idempotency-Key}, at most once.
 *
 * <p>The write is started here, independently of the HTTP exchange: when the client goes away, Quarkus
 * REST cancels the request's Uni, and that cancellation used to roll the transaction back half-way.
 * Now it only stops the answer from being sent; the work still commits.
 *
 * <p>With a key, the write runs in one transaction with the record of its answer. That transaction first
 * takes a PostgreSQL advisory lock on (user, key), so a second request with the key — on any instance —
 * gets 409 while the first runs, and then finds the stored answer and gets it again. A crash or rollback
 * leaves no record, so a retry does the work. Refusals (4xx) roll back too and are not kept.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    /** Tells a client that it got the stored answer of an earlier request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration KEPT = Duration.ofHours(24);
    private static final int CONFLICT_RETRIES = 3;

    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtextextended(?1, 0))";
    private static final String FIND = "select fingerprint, response_status, response_body, etag, location"
            + " from idempotency_key where user_id = ?1 and idempotency_key = ?2 and created_at > now() - interval '24 hours'";
    /** An expired row not yet purged may hold the key: it is replaced. */
    private static final String STORE = "insert into idempotency_key (user_id, idempotency_key, fingerprint, response_status,"
            + " response_body, etag, location, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())"
            + " on conflict (user_id, idempotency_key) do update set fingerprint = excluded.fingerprint,"
            + " response_status = excluded.response_status, response_body = excluded.response_body,"
            + " etag = excluded.etag, location = excluded.location, created_at = excluded.created_at";

    private final ObjectMapper json;
    private final CurrentVertxRequest currentRequest;

    public IdempotentWrites(ObjectMapper json, CurrentVertxRequest currentRequest) {
        this.json = json;
        this.currentRequest = currentRequest;
    }

    /**
     * Starts {@code write} now and answers with its response, or with the stored answer of an earlier request
     * with the same key. {@code body} is the parsed request body (null when there is none); with the method and
     * target it identifies the request.
     */
    public <T> Uni<RestResponse<T>> run(UUID userId, String key, Object body, Class<T> answerType,
                                        Supplier<Uni<RestResponse<T>>> write) {
        Supplier<Uni<RestResponse<T>>> work;
        if (key == null) {
            work = write;
        } else {
            checkKey(key);
            byte[] fingerprint = fingerprint(body);
            work = () -> once(userId, key, fingerprint, answerType, write);
        }
        RequestDeadline deadline = RequestDeadline.of(currentRequest.getCurrent());
        Supplier<Uni<RestResponse<T>>> attempt = () -> Panache.withTransaction(() -> work.get()
                        .call(() -> Panache.getSession().chain(Mutiny.Session::flush))
                        .call(() -> commitBefore(deadline)))
                .onFailure().invoke(deadline::commitFailed);
        Uni<RestResponse<T>> retried = Uni.createFrom().deferred(attempt::get)
                .onFailure(DatabaseErrors::isTransactionConflict).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200)).atMost(CONFLICT_RETRIES);
        return detached(retried, deadline);
    }

    /**
     * The last step inside the transaction, after the flush: only the COMMIT follows. Past the deadline the
     * client has been told 503, so the transaction rolls back instead.
     */
    private static Uni<Void> commitBefore(RequestDeadline deadline) {
        return deadline.beginCommit() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(DomainException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE,
                        "The request passed its deadline and was not applied; try again", 5));
    }

    /**
     * Subscribes now, on the request's Vert.x context (where the Hibernate session lives), and hands the
     * caller a copy of the outcome: cancelling the copy leaves the write running to its commit. When the
     * deadline passes first, the copy fails with the 503 while the write rolls back on its own.
     */
    private static <T> Uni<T> detached(Uni<T> work, RequestDeadline deadline) {
        CompletableFuture<T> running = work.subscribeAsCompletionStage();
        CompletableFuture<T> answer = running.copy();
        deadline.answerWith(() -> answer.completeExceptionally(
                DomainException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, HttpRoutes.UNAVAILABLE, 5)));
        return Uni.createFrom().completionStage(answer);
    }

    private <T> Uni<RestResponse<T>> once(UUID userId, String key, byte[] fingerprint, Class<T> answerType,
                                          Supplier<Uni<RestResponse<T>>> write) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, Boolean.class)
                .setParameter(1, userId + ":" + key).getSingleResult()
                .chain(locked -> {
                    if (!Boolean.TRUE.equals(locked)) {
                        return Uni.createFrom().failure(DomainException.retryAfter(ErrorCode.REQUEST_IN_PROGRESS,
                                "A request with this Idempotency-Key is still running; try again shortly", 1));
                    }
                    return session.createNativeQuery(FIND, Object[].class).setParameter(1, userId).setParameter(2, key)
                            .getResultList()
                            .chain(found -> found.isEmpty()
                                    ? write.get().call(answer -> store(session, userId, key, fingerprint, answer))
                                    : Uni.createFrom().item(() -> replay(found.get(0), fingerprint, answerType)));
                }));
    }

    private Uni<Integer> store(Mutiny.Session session, UUID userId, String key, byte[] fingerprint, RestResponse<?> answer) {
        return session.createNativeQuery(STORE).setParameter(1, userId).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, (short) answer.getStatus()).setParameter(5, bodyOf(answer))
                .setParameter(6, answer.getHeaderString(HttpHeaders.ETAG))
                .setParameter(7, answer.getHeaderString(HttpHeaders.LOCATION))
                .executeUpdate();
    }

    private <T> RestResponse<T> replay(Object[] stored, byte[] fingerprint, Class<T> answerType) {
        if (!Arrays.equals((byte[]) stored[0], fingerprint)) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for another request; use a new key for a new request");
        }
        try {
            T entity = stored[2] == null ? null : json.readValue((String) stored[2], answerType);
            ResponseBuilder<T> answer = ResponseBuilder.<T>create(((Number) stored[1]).intValue()).entity(entity);
            if (stored[3] != null) {
                answer.header(HttpHeaders.ETAG, stored[3]);
            }
            if (stored[4] != null) {
                answer.header(HttpHeaders.LOCATION, stored[4]);
            }
            return answer.header(REPLAYED_HEADER, "true").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer could not be read", e);
        }
    }

    private String bodyOf(RestResponse<?> answer) {
        try {
            return answer.getEntity() == null ? null : json.writeValueAsString(answer.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be stored", e);
        }
    }

    /** SHA-256 of method, target (path and query) and the body as parsed, so whitespace does not matter. */
    private byte[] fingerprint(Object body) {
        HttpServerRequest request = currentRequest.getCurrent().request();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.method().name() + " " + request.uri() + "\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha256.update(json.writeValueAsBytes(body));
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("The request could not be fingerprinted", e);
        }
    }

    /** 1 to 255 visible ASCII characters, as the contract says. */
    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, HEADER + " must be 1 to 255 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
    }
}
