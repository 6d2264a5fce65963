package dev.todoapp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.RawHttp;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A hung database (it accepts connections and never answers) must not hang clients: every API request
 * ends with a 503 problem+json at the configured deadline, and the service recovers when it answers again.
 */
@QuarkusTest
@TestProfile(DatabaseFreezeTest.ShortDeadline.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseFreezeTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("service.request-timeout", "10s");
        }
    }

    /** the 10 s deadline (room for password hashing on a busy, shared machine) plus margin */
    private static final Duration BOUND = Duration.ofSeconds(16);

    @Test
    void requestsEndWith503AtTheDeadlineWhileTheDatabaseHangs() throws Exception {
        Account user = signUp();
        assertEquals(201, send(user, "POST", "/api/todos", "{\"title\":\"before\"}").statusCode());

        PostgresResource.freezePostgres();
        List<CompletableFuture<Timed>> calls;
        try {
            calls = List.of(
                    timed(user, "GET", "/api/todos", null), timed(user, "GET", "/api/auth/me", null),
                    timed(user, "POST", "/api/todos", "{\"title\":\"during\"}"), timed(user, "GET", "/api/todos/categories", null));
            for (CompletableFuture<Timed> call : calls) {
                Timed answer = call.get();
                assertEquals(503, answer.response().statusCode(), answer.response().body());
                assertTrue(answer.response().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        answer.response().headers().map() + " " + answer.response().body());
                assertTrue(answer.response().body().contains("\"service_unavailable\""), answer.response().body());
                assertTrue(answer.took().compareTo(BOUND) < 0, "answered after " + answer.took());
            }
        } finally {
            PostgresResource.thawPostgres();
        }

        Instant deadline = Instant.now().plusSeconds(60);
        int status;
        do {
            status = send(user, "POST", "/api/todos", "{\"title\":\"after\"}").statusCode();
        } while (status != 201 && Instant.now().isBefore(deadline));
        assertEquals(201, status, "the service works again once the database answers");
    }

    /**
     * A 503 at the deadline means "not applied": the write that was waiting for the hung database rolls back
     * when the database answers again instead of committing behind the client's back, so a retry with the same
     * Idempotency-Key runs it once, and a retry without a key does not make a duplicate.
     */
    @Test
    void aWriteAnswered503AtTheDeadlineIsNeverCommittedLater() throws Exception {
        Account user = signUp();
        String title = "deadline-" + java.util.UUID.randomUUID();
        String keyedTitle = title + "-keyed";
        String key = java.util.UUID.randomUUID().toString();
        assertEquals(201, send(user, "POST", "/api/todos", "{\"title\":\"warm-up\"}").statusCode());

        PostgresResource.freezePostgres();
        try {
            CompletableFuture<Timed> plain = timed(user, "POST", "/api/todos", "{\"title\":\"" + title + "\"}");
            CompletableFuture<HttpResponse<String>> keyed = CompletableFuture.supplyAsync(() -> sendKeyed(user, key, keyedTitle));
            assertEquals(503, plain.get().response().statusCode(), plain.get().response().body());
            assertEquals(503, keyed.get().statusCode(), keyed.get().body());
        } finally {
            PostgresResource.thawPostgres();
        }

        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> retried;
        do {
            retried = sendKeyed(user, key, keyedTitle);
        } while (retried.statusCode() != 201 && Instant.now().isBefore(deadline));
        assertEquals(201, retried.statusCode(), retried.body());
        assertTrue(retried.headers().firstValue(IdempotentWrites.REPLAYED_HEADER).isEmpty(),
                "the first attempt was not applied, so the retry does the work: " + retried.headers().map());
        // the abandoned writes have had every chance to finish: the service answers, and a little longer
        Thread.sleep(2000);
        assertEquals(0, TestDatabase.rows("select id from todo where title = ?", title).size(),
                "the write answered 503 was committed after all");
        assertEquals(1, TestDatabase.rows("select id from todo where title = ?", keyedTitle).size(),
                "the keyed write exists exactly once");
    }

    /**
     * The write is inside its transaction, waiting for a lock another session holds, when the deadline passes:
     * the 503 means it is not applied, so once the lock is released it rolls back instead of committing.
     * (Before RequestDeadline, it committed behind the 503.)
     */
    @Test
    void aWriteWaitingInItsTransactionAtTheDeadlineRollsBackAfterTheAnswer() throws Exception {
        Account user = signUp();
        String title = "blocked-" + java.util.UUID.randomUUID();
        java.util.UUID userId = java.util.UUID.fromString(user.id());
        // the lock every create of this user takes first (TodoRepository.lockManualOrder)
        long manualOrderLock = userId.getMostSignificantBits() ^ userId.getLeastSignificantBits();
        try (java.sql.Connection blocker = TestDatabase.connect(); java.sql.Statement statement = blocker.createStatement()) {
            statement.execute("select pg_advisory_lock(" + manualOrderLock + ")");
            HttpResponse<String> answer = send(user, "POST", "/api/todos", "{\"title\":\"" + title + "\"}");
            assertEquals(503, answer.statusCode(), answer.body());
        }
        // the lock is gone with its session: the waiting write goes on to its end; give it time to commit
        assertEquals(201, send(user, "POST", "/api/todos", "{\"title\":\"after\"}").statusCode());
        Thread.sleep(2000);
        assertEquals(0, TestDatabase.rows("select id from todo where title = ?", title).size(),
                "the write answered 503 was committed after all");
    }

    private static HttpResponse<String> sendKeyed(Account user, String key, String title) {
        return RawHttp.send(RawHttp.request("/api/todos").header("Authorization", user.bearer())
                .header("Content-Type", "application/json").header(IdempotentWrites.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")).build());
    }

    /**
     * A sign-up hashes a password (Argon2), which on a loaded machine can outlast this profile's short deadline:
     * then it is tried again with a fresh address.
     */
    private static Account signUp() {
        for (int attempt = 1; ; attempt++) {
            try {
                return TestAccounts.signUp();
            } catch (AssertionError slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private static CompletableFuture<Timed> timed(Account user, String method, String path, String body) {
        return CompletableFuture.supplyAsync(() -> {
            Instant start = Instant.now();
            HttpResponse<String> response = send(user, method, path, body);
            return new Timed(response, Duration.between(start, Instant.now()));
        });
    }

    private static HttpResponse<String> send(Account user, String method, String path, String body) {
        return RawHttp.send(RawHttp.request(path).header("Authorization", user.bearer())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
