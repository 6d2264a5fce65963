package dev.todoapp.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.Readiness;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** PostgreSQL goes away under a running service and comes back: no restart of the service needed. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseOutageTest {

    @Test
    void readyWhenDatabaseIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * The JDBC datasource is Flyway's, at startup only: afterwards it holds no connection (Neon counts them, and
     * an idle one keeps a sleeping database awake). pgJDBC names its sessions; this test's own is left out.
     */
    @Test
    void theMigrationDataSourceHoldsNoConnectionAfterStartup() {
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(0L, ((Number) TestDatabase.rows("select count(*) as n from pg_stat_activity"
                + " where application_name = 'PostgreSQL JDBC Driver' and pid <> pg_backend_pid()").get(0).get("n")).longValue(),
                "JDBC connections left open after migrating");
    }

    @Test
    void readinessFollowsTheDatabaseAndRequestsRecover() throws Exception {
        Account account = TestAccounts.signUp();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        PostgresResource.stopPostgres();
        try {
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
            Instant start = Instant.now();
            given().header("Authorization", account.bearer()).get("/api/auth/me").then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("service_unavailable"));
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10,
                    "requests fail fast while the database is down");
        } finally {
            PostgresResource.startPostgres();
        }

        assertTrue(Readiness.await(200, Duration.ofSeconds(30)), "readiness UP again without a restart of the service");
        given().header("Authorization", account.bearer()).get("/api/auth/me").then().statusCode(200);
    }

    /**
     * An orchestrator routes traffic back by readiness: it must turn UP within 2 s of PostgreSQL accepting
     * connections again (measured from the moment the restarted server accepts them), in every of three
     * restarts, with the pool's connections to the old server all broken.
     */
    @Test
    void readinessIsUpWithinTwoSecondsOfTheDatabaseAcceptingConnections() throws Exception {
        Account account = TestAccounts.signUp();
        assertReadinessRecoversWithinTwoSeconds(account, "idle");
    }

    /** As above while 16 clients keep writing through the outage (the pool's queue full of waiting work). */
    @Test
    void readinessIsUpWithinTwoSecondsUnderAWriteLoad() throws Exception {
        Account account = TestAccounts.signUp();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<Thread> writers = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    try {
                        dev.todoapp.support.RawHttp.send(dev.todoapp.support.RawHttp.request("/api/todos")
                                .header("Authorization", account.bearer()).header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"load\"}")).build());
                    } catch (RuntimeException e) {
                        // refused or dropped while the database is away: keep the load on
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        try {
            assertReadinessRecoversWithinTwoSeconds(account, "under load");
        } finally {
            running.set(false);
            for (Thread writer : writers) {
                writer.join(60_000);
            }
        }
    }

    private static void assertReadinessRecoversWithinTwoSeconds(Account account, String condition) throws Exception {
        for (int restart = 1; restart <= 3; restart++) {
            given().header("Authorization", account.bearer()).get("/api/todos"); // the pool holds connections to this server
            PostgresResource.stopPostgres();
            try {
                assertTrue(Readiness.await(503, Duration.ofSeconds(30)), "readiness DOWN while the database is stopped");
            } finally {
                PostgresResource.startPostgres();
            }
            Instant accepting = Instant.now();
            assertTrue(Readiness.await(200, Duration.ofSeconds(30)), "readiness UP again");
            Duration took = Duration.between(accepting, Instant.now());
            System.out.println("readiness UP " + took.toMillis() + " ms after PostgreSQL accepted connections (" + condition
                    + ", restart " + restart + ")");
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "readiness took " + took.toMillis() + " ms (" + condition
                    + ", restart " + restart + ")");
        }
    }
}
