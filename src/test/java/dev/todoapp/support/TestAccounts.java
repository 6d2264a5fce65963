package dev.todoapp.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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

    public static Account signUp(String email) {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", randomIp())
                .body(Map.of("email", email, "password", PASSWORD, "name", "Test User"))
                .post("/api/auth/register").then().statusCode(201);
        return logIn(email, PASSWORD);
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
