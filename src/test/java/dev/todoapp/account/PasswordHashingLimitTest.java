package dev.todoapp.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.Scrape;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * More sign-ins at once than the hashing pool takes (one thread, one waiting here): the overflow gets
 * a clear 503 problem with Retry-After, everyone else signs in, and the service keeps working.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(PasswordHashingLimitTest.OneHashAtATime.class)
class PasswordHashingLimitTest {

    public static class OneHashAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("service.password-hash-threads", "1", "service.password-hash-queue", "1",
                    "rate-limit.login-per-account", "1000/PT1M",
                    // the test's client stands in for a proxy that forwards each caller's address
                    "proxy.trusted-proxies", "127.0.0.1/32,::1/128");
        }
    }

    @TestHTTPResource("/api/auth/login")
    URI login;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aBurstOfSignInsIsAnsweredNotQueuedWithoutEnd() {
        TestAccounts.Account account = TestAccounts.signUp();
        String body = "{\"email\":\"" + account.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        double refusalsBefore = Scrape.of(metrics).value("password_hash_refusals_total");
        HttpClient client = HttpClient.newHttpClient();
        List<HttpResponse<String>> answers = IntStream.range(0, 30)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", TestAccounts.randomIp().getHostAddress())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 503).toList();
        long signedIn = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(answers.size(), signedIn + refused.size(), "only 200 or 503: " + answers.stream().map(HttpResponse::statusCode).toList());
        assertTrue(signedIn >= 2, "the running and the waiting sign-in succeed");
        assertTrue(!refused.isEmpty(), "30 at once overflow a pool of one thread and one waiting slot");
        for (HttpResponse<String> r : refused) {
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
            assertTrue(r.body().contains("\"code\":\"service_busy\"") && r.body().contains("\"status\":503"), r.body());
        }
        assertEquals(refusalsBefore + refused.size(), Scrape.of(metrics).value("password_hash_refusals_total"),
                "operators see every refusal");
        // the burst is over: signing in works again
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD);
    }
}
