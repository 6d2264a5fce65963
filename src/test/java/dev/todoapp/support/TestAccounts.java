package dev.todoapp.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.todoapp.common.EmailAddress;
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

    /** A fresh client address, so per-IP rate limits of one test don't leak into another. */
    public static String randomIp() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
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
        given().contentType(ContentType.JSON).header("X-Forwarded-For", randomIp())
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
        JsonPath tokens = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", randomIp())
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath();
        return new Account(tokens.getString("user.id"), email, password,
                tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }
}
