package dev.todoapp.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import dev.todoapp.http.OtlpReceiver.ReceivedSpan;
import dev.todoapp.support.LogCapture;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, spans reach an OTLP/HTTP receiver: the API request, the SQL it
 * ran (same trace), the mail it sent; and log lines carry the trace id next to the request id.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OtlpReceiver.class, restrictToAnnotatedClass = true)
class TracingTest {

    private static final int SERVER = 2;
    private static final int CLIENT = 3;

    @Test
    void anApiRequestIsTracedFromHttpThroughTheDatabase() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "traced")).post("/api/todos").then().statusCode(201);

        ReceivedSpan request = await(span -> span.kind() == SERVER && span.name().equals("POST /api/todos"));
        assertEquals("/api/todos", request.attributes().get("http.route"));
        ReceivedSpan sql = await(span -> span.traceId().equals(request.traceId()) && span.kind() == CLIENT
                && span.attributes().keySet().stream().anyMatch(key -> key.startsWith("db.")));
        assertFalse(sql.traceId().isEmpty());
        assertTrue(OtlpReceiver.spans().stream().flatMap(span -> span.attributes().values().stream())
                .noneMatch(value -> value.contains(account.email()) || value.contains(account.accessToken())),
                "no address or token in any span");
    }

    @Test
    void aMailSendIsTraced() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", account.password(), "newPassword", "a traced new passphrase 31"))
                .post("/api/auth/password/change").then().statusCode(200);

        ReceivedSpan send = await(span -> span.name().equals("mail send")
                && "password_changed".equals(span.attributes().get("mail.kind")));
        assertEquals(CLIENT, send.kind());
        assertFalse(send.attributes().values().stream().anyMatch(value -> value.contains(account.email())), "no address");
    }

    @Test
    void logLinesCarryTheTraceIdNextToTheRequestId() {
        List<Map<String, String>> records = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(record -> {
            if (record instanceof ExtLogRecord ext && String.valueOf(ext.getFormattedMessage()).startsWith("Failed sign-in")) {
                records.add(ext.getMdcCopy());
            }
        })) {
            String requestId = TestAccounts.fromFreshAddress().contentType(ContentType.JSON)
                    .body(Map.of("email", TestAccounts.uniqueEmail(), "password", "not the password at all"))
                    .post("/api/auth/login").then().statusCode(401).extract().header("X-Request-Id");
            awaitTrue(() -> records.stream().anyMatch(mdc -> requestId.equals(mdc.get("requestId"))));
            // the MDC of that line, as the JSON log prints it (mdc.requestId, mdc.traceId)
            Map<String, String> line = records.stream().filter(mdc -> requestId.equals(mdc.get("requestId"))).findFirst().orElseThrow();
            String traceId = line.get("traceId");
            assertTrue(traceId != null && !traceId.isEmpty(), "the log line carries a trace id: " + line);
            // that trace is the sign-in request's (other tests sign in too: matched by id, not by name)
            await(span -> span.kind() == SERVER && span.name().equals("POST /api/auth/login") && span.traceId().equals(traceId));
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never happened");
            pause();
        }
    }

    private static ReceivedSpan await(Predicate<ReceivedSpan> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Optional<ReceivedSpan> found = OtlpReceiver.spans().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(System.nanoTime() < deadline, "no such span among " + OtlpReceiver.spans().stream()
                    .map(span -> span.name() + "/" + span.kind()).distinct().toList());
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
