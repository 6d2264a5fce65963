package dev.todoapp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Forged, expired and foreign tokens are all a plain 401 — never a 500, never access. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TokenSecurityTest {

    static final String SECRET = "local-development-secret-do-not-use-in-production";

    static void assertRejected(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("unauthorized"));
    }

    private static JwtClaimsBuilder claimsOf(Account account) {
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1]), StandardCharsets.UTF_8));
        return Jwt.issuer("todo-service").audience("todo-service").subject(account.id()).claim("sid", claims.getString("sid"))
                .claim("jti", UUID.randomUUID().toString());
    }

    private static String sign(JwtClaimsBuilder claims, String secret) {
        return claims.jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @Test
    void aTokenSignedWithTheSameSecretByAnyLibraryIsAccepted() {
        Account account = TestAccounts.signUp();
        Instant now = Instant.now();
        String token = sign(claimsOf(account).issuedAt(now).expiresAt(now.plusSeconds(60)), SECRET);
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void algNoneIsRejected() {
        Account account = TestAccounts.signUp();
        String[] parts = account.accessToken().split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + parts[1] + ".");
        assertRejected(header + "." + parts[1]);
    }

    @Test
    void wrongKeyIsRejected() {
        Account account = TestAccounts.signUp();
        Instant now = Instant.now();
        assertRejected(sign(claimsOf(account).issuedAt(now).expiresAt(now.plusSeconds(60)),
                "another-secret-that-is-long-enough-to-sign"));
    }

    @Test
    void expiredAndNotYetValidAreRejected() {
        Account account = TestAccounts.signUp();
        Instant now = Instant.now();
        assertRejected(sign(claimsOf(account).issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(600)), SECRET));
        assertRejected(sign(claimsOf(account).issuedAt(now).claim("nbf", now.plusSeconds(600).getEpochSecond())
                .expiresAt(now.plusSeconds(1200)), SECRET));
    }

    @Test
    void wrongIssuerIsRejected() {
        Account account = TestAccounts.signUp();
        Instant now = Instant.now();
        assertRejected(sign(claimsOf(account).issuer("someone-else").issuedAt(now).expiresAt(now.plusSeconds(60)), SECRET));
    }

    @Test
    void aValidSignatureWithoutAnOpenSessionIsRejected() {
        Account account = TestAccounts.signUp();
        Instant now = Instant.now();
        assertRejected(sign(Jwt.issuer("todo-service").subject(account.id()).claim("sid", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plusSeconds(60)), SECRET));
        assertRejected(sign(Jwt.issuer("todo-service").subject(account.id()).issuedAt(now).expiresAt(now.plusSeconds(60)), SECRET));
        // someone else's session id with my subject
        Account other = TestAccounts.signUp();
        assertRejected(sign(claimsOf(other).subject(account.id()).issuedAt(now).expiresAt(now.plusSeconds(60)), SECRET));
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRejected() {
        Account account = TestAccounts.signUp();
        Instant now = Instant.now();
        assertRejected(sign(claimsOf(account).audience("another-service").issuedAt(now).expiresAt(now.plusSeconds(60)), SECRET));
        JwtClaimsBuilder withoutAudience = claimsOf(account).issuedAt(now).expiresAt(now.plusSeconds(60));
        withoutAudience.remove("aud");
        assertRejected(sign(withoutAudience, SECRET));
        // what the service itself issues names its audience
        String payload = account.accessToken().split("\\.")[1];
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertEquals("todo-service", claims.getString("aud"));
    }

    @Test
    void garbageIsRejected() {
        assertRejected("garbage");
        assertRejected("a.b.c");
        assertRejected("💥.💥.💥");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/auth/me").then().statusCode(401);
        given().header("Authorization", "Bearer").get("/api/auth/me").then().statusCode(401);
    }
}
