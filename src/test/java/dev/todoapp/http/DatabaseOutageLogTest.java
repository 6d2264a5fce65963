package dev.todoapp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.LogCapture;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.RawHttp;
import dev.todoapp.support.Readiness;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * While PostgreSQL is away the log says so in lines an operator can act on ("Dependency unavailable", see
 * docs/operations.md), and nothing else at ERROR. The statements the service runs straight on the pool (readiness,
 * the session check of every signed-in request, the shared rate limits, the mail outbox) used to leave an
 * "Uncaught exception received by Vert.x: IllegalStateException: Result is already complete" ERROR each, 30 s
 * (the pool's connection timeout) after they failed.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseOutageLogTest {

    /** Vert.x' default pool connection timeout (Quarkus does not set it), plus margin. */
    private static final Duration PAST_THE_POOL_TIMEOUT = Duration.ofSeconds(36);

    @Test
    void anOutageLeavesNoUncaughtExceptionInTheLog() throws Exception {
        Account user = TestAccounts.signUp();
        List<String> uncaught = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(record -> {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getThrown() != null) {
                uncaught.add(record.getLoggerName() + ": " + record.getThrown());
            }
        })) {
            PostgresResource.stopPostgres();
            try {
                assertTrue(Readiness.await(503, Duration.ofSeconds(15)), "readiness DOWN while PostgreSQL is stopped");
                assertEquals(503, send(RawHttp.request("/api/todos").header("Authorization", user.bearer()).GET()).statusCode(),
                        "a signed-in request (its session check runs on the pool)");
                assertEquals(503, send(RawHttp.request("/api/auth/login").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + user.email() + "\",\"password\":\"not the password\"}"))).statusCode(),
                        "a sign-in (its shared rate limit runs on the pool)");
                Thread.sleep(PAST_THE_POOL_TIMEOUT.toMillis());
            } finally {
                PostgresResource.startPostgres();
            }
        }
        assertTrue(Readiness.await(200, Duration.ofSeconds(60)), "readiness UP again");
        assertEquals(List.of(), uncaught, "ERROR lines with an exception during the outage");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return RawHttp.send(request.build());
    }
}
