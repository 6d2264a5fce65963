package dev.todoapp.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.todoapp.support.PackagedService;
import dev.todoapp.support.TestAccounts;

/**
 * The packaged service as it ships (the jar with the memory settings of scripts/jvm-options.sh in
 * an emulated 512 MB container; in a native run the native binary, which the image starts without
 * options) under a storm of concurrent sign-ins. Each Argon2id hash needs 19 MiB of heap; before
 * hashing had its own bounded pool, 40 at once exhausted the ~80 MB heap and the JVM exited. Now
 * every request is answered (200, or 503 with Retry-After), the process stays up and serves afterwards.
 */
class LoginStormIT {

    private static final Path LOG = Path.of("target/login-storm-it.log");
    private static PackagedService service;
    private static URI base;

    @BeforeAll
    static void startService() throws Exception {
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:MaxRAM=512m"));
        jvmOptions.addAll(shippedMemoryOptions());
        service = PackagedService.start(LOG, jvmOptions, Map.of(
                "JWT_SECRET_KEY", "login-storm-test-secret-0123456789-abcdef",
                "FRONTEND_URL", "https://storm.example",
                "SMTP_FROM_EMAIL", "storm@example.com",
                // the storm is one account from many addresses: only the hashing bound may push back
                "RATE_LIMIT_LOGIN_PER_ACCOUNT", "100000/PT1M",
                // this test's client stands in for the proxy in front of the service and forwards each caller's address
                "TRUSTED_PROXIES", "127.0.0.1/32,::1/128"));
        base = service.base();
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    /** TODO_JVM_MEMORY_OPTIONS of scripts/jvm-options.sh, the flags run-jar.sh and Dockerfile.jvm use. */
    static List<String> shippedMemoryOptions() throws IOException {
        Matcher m = Pattern.compile("TODO_JVM_MEMORY_OPTIONS=\"([^\"]+)\"").matcher(Files.readString(Path.of("scripts/jvm-options.sh")));
        assertTrue(m.find(), "scripts/jvm-options.sh defines TODO_JVM_MEMORY_OPTIONS");
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    @Test
    void aStormOfSignInsIsAnsweredAndTheServiceSurvives() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String email = TestAccounts.uniqueEmail();
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        assertEquals(202, post(client, "/api/auth/register", credentials).join().statusCode());
        // verification is not the subject here: one SQL statement instead of the emailed link
        TestAccounts.markVerified(email);

        // a dropped connection counts as no answer (null), checked after whether the process lived
        List<HttpResponse<String>> answers = IntStream.range(0, 120)
                .mapToObj(i -> post(client, "/api/auth/login", credentials)).toList()
                .stream().map(call -> call.handle((response, failure) -> response).join()).toList();

        String log = Files.readString(LOG);
        assertTrue(service.isAlive(), "the service must survive the storm:\n" + log);
        assertFalse(log.contains("OutOfMemoryError"), log);
        assertFalse(answers.contains(null), "every request gets an answer");
        long signedIn = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertEquals(answers.size(), signedIn + refused.size(),
                "only 200 or 503: " + answers.stream().map(HttpResponse::statusCode).toList());
        assertTrue(signedIn >= 60, "most of the storm signs in; signed in: " + signedIn);
        for (HttpResponse<String> r : refused) {
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
            assertTrue(r.body().contains("\"code\":\"service_busy\""), r.body());
        }

        // afterwards: sign in and use the API as usual
        HttpResponse<String> login = post(client, "/api/auth/login", credentials).join();
        assertEquals(200, login.statusCode(), login.body());
        String token = login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> todos = client.send(HttpRequest.newBuilder(base.resolve("/api/todos"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, todos.statusCode(), todos.body());
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient client, String path, String body) {
        return client.sendAsync(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", TestAccounts.randomIp().getHostAddress())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
