package dev.todoapp.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.Scrape;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What an operator scrapes: on the management port only, by route template, and moving when things happen. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OperatorMetricsTest {

    // the management root is /q, so this is /q/metrics
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        given().get("/q/metrics").then().statusCode(404);
        Scrape scrape = Scrape.of(metrics);
        for (String name : new String[] {"jvm_memory_used_bytes", "process_cpu_usage", "jvm_threads_live_threads",
                "mail_outbox_pending", "mail_outbox_dead", "mail_outbox_oldest_pending_seconds",
                "password_hash_queue_depth", "password_hash_refusals_total", "auth_sign_in_total"}) {
            assertTrue(scrape.has(name), name + " is exposed");
        }
    }

    @Test
    void withoutAdminTokenTheMailAdminEndpointsAreNotServed() throws Exception {
        // this profile sets no ADMIN_TOKEN: no token opens them, and none is asked for
        URL admin = new URL(metrics, "/q/admin/mail");
        given().get(admin).then().statusCode(404);
        given().header("Authorization", "Bearer anything-at-all-0123456789-0123456789").get(admin).then().statusCode(404);
        given().post(admin + "/" + UUID.randomUUID() + "/requeue").then().statusCode(404);
    }

    @Test
    void httpRequestsAreCountedByRouteTemplateNeverByRawId() {
        TestAccounts.Account account = TestAccounts.signUp();
        String id = given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "count me")).post("/api/todos").then().statusCode(201).extract().path("id");
        String missing = UUID.randomUUID().toString();
        String[] todo = {"uri=\"/api/todos/{id}\"", "method=\"GET\"", "status=\"200\""};
        double before = Scrape.of(metrics).value("http_server_requests_seconds_count", todo);
        given().header("Authorization", account.bearer()).get("/api/todos/" + id).then().statusCode(200);
        given().header("Authorization", account.bearer()).get("/api/todos/" + missing).then().statusCode(404);

        // recorded when the response has ended, which may be a moment after the client has it
        awaitTrue(() -> Scrape.of(metrics).value("http_server_requests_seconds_count", todo) == before + 1);
        Scrape after = Scrape.of(metrics);
        assertTrue(after.has("sql_pool_active"), "the reactive pool is measured");
        assertFalse(after.text().contains(id) || after.text().contains(missing), "no raw id in any label");
        assertFalse(after.text().contains(account.email()), "no address in any label");
    }

    @Test
    void signInsAreCountedByOutcome() {
        TestAccounts.Account account = TestAccounts.signUp();
        Scrape before = Scrape.of(metrics);
        TestAccounts.fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("email", account.email(), "password", "not the password at all"))
                .post("/api/auth/login").then().statusCode(401);
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD);

        awaitTrue(() -> Scrape.of(metrics).value("auth_sign_in_total", "outcome=\"success\"")
                == before.value("auth_sign_in_total", "outcome=\"success\"") + 1);
        Scrape after = Scrape.of(metrics);
        assertEquals(before.value("auth_sign_in_total", "outcome=\"failure\"") + 1, after.value("auth_sign_in_total", "outcome=\"failure\""));
        assertEquals(before.value("auth_sign_in_total", "outcome=\"success\"") + 1, after.value("auth_sign_in_total", "outcome=\"success\""));
    }

    @Test
    void rateLimitRefusalsAreCountedByLimiter() {
        java.net.InetAddress ip = TestAccounts.randomIp();
        double before = Scrape.of(metrics).value("rate_limit_refusals_total", "limiter=\"forgot-ip\"");
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = TestAccounts.from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", TestAccounts.uniqueEmail())).post("/api/auth/password/forgot").statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "12 forgot requests from one address pass the limit of 10");
        Scrape after = Scrape.of(metrics);
        assertEquals(before + refused, after.value("rate_limit_refusals_total", "limiter=\"forgot-ip\""));
        assertFalse(after.text().contains(ip.getHostAddress()), "no client address in any label");
    }

    @Test
    void sentMailIsCountedByTransportAndKindAndTimed() {
        TestAccounts.Account account = TestAccounts.signUp();
        String reset = "kind=\"password_reset\"";
        Scrape before = Scrape.of(metrics);
        TestAccounts.fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("email", account.email())).post("/api/auth/password/forgot").then().statusCode(202);

        awaitTrue(() -> Scrape.of(metrics).value("mail_outbox_sent_total", reset, "transport=\"log\"")
                == before.value("mail_outbox_sent_total", reset, "transport=\"log\"") + 1);
        Scrape after = Scrape.of(metrics);
        assertTrue(after.value("mail_send_seconds_count", "outcome=\"sent\"") > before.value("mail_send_seconds_count", "outcome=\"sent\""));
        assertFalse(after.text().contains(account.email()), "no address in any label");
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never happened");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
