package dev.todoapp.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.todoapp.http.RateLimiter;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The limits an attacker meets (issue 12): a forged X-Forwarded-For buys no fresh bucket, invalid
 * addresses never become keys, guessing from one place cannot lock the owner out, and a stolen access
 * token cannot guess the password at leisure. No proxy is trusted here, as in a default deployment.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AuthLimitsTest {

    @Inject
    RateLimiter memoryLimiter;

    private static RequestSpecification from(InetAddress address) {
        return TestAccounts.from(address).contentType(ContentType.JSON);
    }

    private static List<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).toList();
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsLimitedLikeOneAddress() {
        InetAddress attacker = TestAccounts.randomIp();
        List<Response> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            answers.add(from(attacker).header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .body(Map.of("email", TestAccounts.uniqueEmail(), "password", "spraying " + i)).post("/api/auth/login"));
        }
        // RATE_LIMIT_LOGIN_PER_IP: 20 a minute (one more every 3 s) whatever the header says; with the header believed, all 30 pass
        long refilled = (System.nanoTime() - started) / 3_000_000_000L + 1;
        long passed = answers.stream().filter(r -> r.statusCode() == 401).count();
        assertTrue(passed >= 20 && passed <= 20 + refilled, passed + " passed: " + statuses(answers));
        assertEquals(30 - passed, answers.stream().filter(r -> r.statusCode() == 429).count(), statuses(answers).toString());
    }

    @Test
    void hugeOrInvalidAddressesAreRefusedBeforeTheyBecomeLimiterKeys() {
        String huge = "a".repeat(60 * 1024) + "@example.com";
        int memoryKeys = memoryLimiter.keyCount();
        long sharedKeys = sharedWindows();
        InetAddress client = TestAccounts.randomIp();
        for (String email : List.of(huge, huge + "x", "a\u0000b@example.com", "not an address", "x".repeat(300) + "@example.com")) {
            from(client).body(Map.of("email", email, "password", "wrong password!!")).post("/api/auth/login")
                    .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("email"));
            from(client).body(Map.of("email", email)).post("/api/auth/password/forgot")
                    .then().statusCode(422).body("errors.field", hasItem("email"));
        }
        // only this client's two per-address buckets (login-ip, forgot-ip) are new, and no shared window at all
        assertTrue(memoryLimiter.keyCount() <= memoryKeys + 2, memoryKeys + " -> " + memoryLimiter.keyCount());
        assertEquals(sharedKeys, sharedWindows(), "no shared window for an invalid address");
    }

    @Test
    void guessingFromOneAddressDoesNotLockTheOwnerOut() {
        Account owner = TestAccounts.signUp();
        InetAddress attacker = TestAccounts.randomIp();
        Response last = null;
        for (int i = 0; i < 11; i++) {
            last = from(attacker).body(Map.of("email", owner.email(), "password", "guess number " + i)).post("/api/auth/login");
        }
        // RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: 10 per 5 minutes for this account from this address
        last.then().statusCode(429).body("code", equalTo("rate_limited"));
        // the owner, elsewhere, still signs in
        from(TestAccounts.randomIp()).body(Map.of("email", owner.email(), "password", owner.password())).post("/api/auth/login")
                .then().statusCode(200);
    }

    @Test
    void guessingFromManyAddressesMeetsThePerAccountCeiling() {
        Account owner = TestAccounts.signUp(); // its sign-in counted once
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(from(TestAccounts.randomIp()).body(Map.of("email", owner.email(), "password", "guess " + i))
                    .post("/api/auth/login"));
        }
        // RATE_LIMIT_LOGIN_PER_ACCOUNT: 100 an hour from anywhere; the sign-up's own sign-in was the first
        assertEquals(99, answers.stream().filter(r -> r.statusCode() == 401).count(), statuses(answers).toString());
        answers.get(99).then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    @Test
    void aStolenAccessTokenCannotGuessThePasswordAtLeisure() {
        Account account = TestAccounts.signUp();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(from(TestAccounts.randomIp()).header("Authorization", account.bearer())
                    .body(Map.of("currentPassword", "guess " + i, "newPassword", "a brand new passphrase 5")).post("/api/auth/password/change"));
            answers.add(from(TestAccounts.randomIp()).header("Authorization", account.bearer())
                    .body(Map.of("password", "guess " + i)).delete("/api/auth/me"));
        }
        // RATE_LIMIT_PASSWORD_CHECK_PER_USER: 10 per 15 minutes, both routes together, from any address
        assertEquals(10, answers.stream().filter(r -> r.statusCode() == 403).count(), statuses(answers).toString());
        assertEquals(2, answers.stream().filter(r -> r.statusCode() == 429).count(), statuses(answers).toString());
        answers.get(11).then().contentType("application/problem+json").body("code", equalTo("rate_limited"));
    }

    private static long sharedWindows() {
        return ((Number) TestDatabase.rows("select count(*) as n from rate_limit_window").get(0).get("n")).longValue();
    }
}
