package dev.todoapp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.RawHttp;
import dev.todoapp.support.Readiness;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL stops and starts again while writers create and edit todos. What a user would notice:
 * during the outage a quick 503 problem+json (never a hang, never a 500), readiness DOWN, and afterwards
 * the service works again by itself and every write it acknowledged is there.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseFaultUnderLoadTest {

    private static final int WRITERS = 4;
    /** well under service.request-timeout (15 s): a stopped database refuses connections at once */
    private static final Duration FAIL_FAST_BOUND = Duration.ofSeconds(8);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final Map<String, String> acknowledgedTitles = new ConcurrentHashMap<>();
    /** the last acknowledged revision per todo; each todo is edited by one writer only, in order */
    private final Map<String, Integer> acknowledgedRevisions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
    private final AtomicBoolean restarted = new AtomicBoolean();
    private volatile long slowestUnavailableMillis;
    /** from PostgreSQL accepting connections again to readiness UP (polled every 100 ms) */
    private long readyAfterMillis;

    @Test
    void acknowledgedWritesSurviveAnOutageAndTheServiceRecoversByItself() throws Exception {
        List<Account> users = List.of(TestAccounts.signUp(), TestAccounts.signUp(), TestAccounts.signUp());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Account user = users.get(w % users.size());
            String name = "w" + w;
            writers.add(pool.submit(() -> write(user, name, running)));
        }
        boolean readinessWentDown;
        try {
            awaitCount(() -> acknowledgedTitles.size() >= 20, Duration.ofSeconds(60), "writes before the outage");

            PostgresResource.stopPostgres();
            try {
                readinessWentDown = Readiness.await(503, Duration.ofSeconds(15));
                int failedBefore = unavailable.get();
                awaitCount(() -> unavailable.get() >= failedBefore + 20, Duration.ofSeconds(30), "requests during the outage");
            } finally {
                PostgresResource.startPostgres();
                restarted.set(true);
            }

            Instant databaseBack = Instant.now();
            assertTrue(Readiness.await(200, Duration.ofSeconds(60)), "readiness UP again without a restart of the service");
            readyAfterMillis = Duration.between(databaseBack, Instant.now()).toMillis();
            awaitCount(() -> acknowledgedAfterRestart.get() >= 20, Duration.ofSeconds(60), "writes after the outage");
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> writer : writers) {
            writer.get();
        }

        assertTrue(readinessWentDown, "readiness DOWN while PostgreSQL is stopped");
        assertTrue(unexpected.isEmpty(), "only 200/201 or a fast 503 problem+json: " + unexpected);
        int missing = 0;
        int stale = 0;
        Account any = users.get(0);
        for (Map.Entry<String, String> todo : acknowledgedTitles.entrySet()) {
            Account owner = users.stream().filter(u -> todo.getValue().startsWith(u.id())).findFirst().orElse(any);
            HttpResponse<String> found = RawHttp.send(RawHttp.request("/api/todos/" + todo.getKey())
                    .header("Authorization", owner.bearer()).GET().build());
            if (found.statusCode() != 200 || !found.body().contains(todo.getValue())) {
                missing++;
            } else if (revision(found.body()) < acknowledgedRevisions.getOrDefault(todo.getKey(), 0)) {
                stale++;
            }
        }
        System.out.printf("db-fault: %d requests, %d creates and %d edits acknowledged, %d answered 503 (slowest %d ms), "
                        + "%d missing, %d edits lost, readiness UP %d ms after PostgreSQL was back%n", requests.get(),
                acknowledgedTitles.size(), acknowledgedRevisions.size(), unavailable.get(), slowestUnavailableMillis, missing,
                stale, readyAfterMillis);
        assertEquals(0, missing, "acknowledged creates missing after the outage");
        assertEquals(0, stale, "acknowledged edits lost after the outage");
    }

    /** Creates a todo, then edits the todo created before it, until told to stop. */
    private void write(Account user, String writer, AtomicBoolean running) {
        String previous = null;
        int n = 0;
        while (running.get()) {
            n++;
            String title = user.id() + " " + writer + " todo " + n;
            HttpResponse<String> created = call(user, "POST", "/api/todos", "{\"title\":\"" + title + "\"}");
            if (created != null && created.statusCode() == 201) {
                Matcher id = ID.matcher(created.body());
                assertTrue(id.find(), created.body());
                acknowledgedTitles.put(id.group(1), title);
                acknowledged();
                if (previous != null) {
                    HttpResponse<String> edited = call(user, "PATCH", "/api/todos/" + previous,
                            "{\"description\":\"revision " + n + "\"}");
                    if (edited != null && edited.statusCode() == 200) {
                        acknowledgedRevisions.put(previous, n);
                        acknowledged();
                    }
                }
                previous = id.group(1);
            }
        }
    }

    private void acknowledged() {
        if (restarted.get()) {
            acknowledgedAfterRestart.incrementAndGet();
        }
    }

    private HttpResponse<String> call(Account user, String method, String path, String body) {
        Instant start = Instant.now();
        HttpResponse<String> response;
        try {
            response = RawHttp.send(RawHttp.request(path).header("Authorization", user.bearer())
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build());
        } catch (RuntimeException e) {
            unexpected.add(method + " " + path + " -> " + e);
            return null;
        }
        requests.incrementAndGet();
        long millis = Duration.between(start, Instant.now()).toMillis();
        int status = response.statusCode();
        if (status == 503) {
            unavailable.incrementAndGet();
            slowestUnavailableMillis = Math.max(slowestUnavailableMillis, millis);
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    && response.body().contains("\"service_unavailable\"");
            if (!problem || millis > FAIL_FAST_BOUND.toMillis()) {
                unexpected.add(method + " 503 after " + millis + " ms: " + response.body());
            }
        } else if (status != 200 && status != 201) {
            unexpected.add(method + " " + status + ": " + response.body());
        }
        return response;
    }

    private static int revision(String todo) {
        Matcher m = Pattern.compile("\"description\":\"revision (\\d+)\"").matcher(todo);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void awaitCount(java.util.function.BooleanSupplier reached, Duration within, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!reached.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
