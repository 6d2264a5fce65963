package dev.todoapp.support;

import static io.restassured.RestAssured.given;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.todoapp.common.EmailAddress;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Signs up fresh users through the real API, so every test starts from its own account. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple 42";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestAccounts() {
    }

    public record Account(String id, String email, String password, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    public static String uniqueEmail() {
        return "user" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static Account signUp() {
        return signUp(uniqueEmail());
    }

    /**
     * A fresh client address, so per-IP rate limits of one test don't leak into another: a loopback
     * address other than 127.0.0.1 (Linux routes all of 127.0.0.0/8 to the loopback interface), from
     * which {@link #from} really connects. The service sees a distinct peer; no header is believed.
     */
    public static InetAddress randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (1 + r.nextInt(254)), (byte) r.nextInt(256), (byte) (1 + r.nextInt(254))});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** A request sent from {@code address} (the socket's source address). */
    public static RequestSpecification from(InetAddress address) {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.route.local-address", address)));
    }

    /** A request from a fresh client address. */
    public static RequestSpecification fromFreshAddress() {
        return from(randomIp());
    }

    /**
     * Registers through the API, then marks the address verified with one SQL statement instead of
     * opening the emailed link: these tests are not about mail. Tests where verification is the subject
     * read the link from GreenMail (mail/EmailVerificationSmtpTest) or the log.
     */
    public static Account signUp(String email) {
        register(email, PASSWORD);
        markVerified(email);
        return logIn(email, PASSWORD);
    }

    public static void register(String email, String password) {
        fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", "Test User"))
                .post("/api/auth/register").then().statusCode(202);
    }

    /** Register answers before the account is stored: waits for the row, then verifies it. */
    public static void markVerified(String email) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (TestDatabase.update("update app_user set email_verified_at = now() where email_normalized = ?",
                EmailAddress.normalized(email)) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no account was stored for " + email);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static Account logIn(String email, String password) {
        JsonPath tokens = fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath();
        return new Account(tokens.getString("user.id"), email, password,
                tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }
}
