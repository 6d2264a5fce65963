package dev.todoapp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AuthApiTest {

    static RequestSpecification json() {
        return TestAccounts.fromFreshAddress().contentType(ContentType.JSON);
    }

    @Test
    void registerAnswers202AndStoresAnUnverifiedAccountThatCannotSignInYet() {
        String email = "  Mixed.Case+" + TestAccounts.uniqueEmail() + "  ";
        json().body(Map.of("email", email, "password", TestAccounts.PASSWORD, "name", "Ada 🚀"))
                .post("/api/auth/register")
                .then().statusCode(202)
                .header("Cache-Control", "no-store")
                .body("message", containsString("Check your inbox"))
                .body("id", nullValue())
                .body("password", nullValue());
        JsonPath tokens = signInOnceVerified(email);
        assertEquals(email.strip(), tokens.getString("user.email"));
        assertEquals("Ada 🚀", tokens.getString("user.name"));
        assertTrue(tokens.getBoolean("user.emailVerified"));
        assertTrue(tokens.getString("user.createdAt").matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)"));
        assertNull(tokens.get("user.passwordHash"));
    }

    /** Before verification the right password gets 403 email_not_verified, a wrong one 401; after it, tokens. */
    private static JsonPath signInOnceVerified(String email) {
        Map<String, String> right = Map.of("email", email, "password", TestAccounts.PASSWORD);
        await(() -> json().body(right).post("/api/auth/login").statusCode() == 403);
        json().body(right).post("/api/auth/login").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("email_not_verified"));
        json().body(Map.of("email", email, "password", "wrong password here")).post("/api/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"));
        TestAccounts.markVerified(email);
        return json().body(right).post("/api/auth/login").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void registeringAKnownAddressAnswersTheSameAndChangesNothing() {
        String email = TestAccounts.uniqueEmail();
        TestAccounts.signUp(email);
        String known = json().body(Map.of("email", email.toUpperCase(), "password", "some other passphrase 9"))
                .post("/api/auth/register").then().statusCode(202).extract().asString();
        String fresh = json().body(Map.of("email", TestAccounts.uniqueEmail(), "password", "some other passphrase 9"))
                .post("/api/auth/register").then().statusCode(202).extract().asString();
        assertEquals(fresh, known);
        // the first password still works, in any case of the address; the second never does
        TestAccounts.logIn(email.toUpperCase(), TestAccounts.PASSWORD);
        json().body(Map.of("email", email, "password", "some other passphrase 9")).post("/api/auth/login")
                .then().statusCode(401);
    }

    @Test
    void concurrentRegistrationOfOneEmailCreatesOneAccount() throws Exception {
        String email = TestAccounts.uniqueEmail();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        // five: the per-address limit of register (RATE_LIMIT_REGISTER_PER_ADDRESS)
        for (int i = 0; i < 5; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> json()
                    .body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                    .post("/api/auth/register").statusCode(), pool));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertEquals(List.of(202, 202, 202, 202, 202), statuses);
        // every registration left one verification link; only the newest is usable
        String linksOf = "select t.used_at from email_token t join app_user u on u.id = t.user_id where u.email_normalized = ?";
        await(() -> TestDatabase.rows(linksOf, email).size() == 5);
        assertEquals(1, TestDatabase.rows("select 1 from app_user where email_normalized = ?", email).size());
        assertEquals(1, TestDatabase.rows(linksOf + " and t.used_at is null", email).size());
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void registrationRulesAnswer422WithTheField() {
        json().body(Map.of("email", "not-an-email", "password", TestAccounts.PASSWORD))
                .post("/api/auth/register").then().statusCode(422)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("email"));
        json().body(Map.of("email", "a".repeat(250) + "@x.io", "password", TestAccounts.PASSWORD))
                .post("/api/auth/register").then().statusCode(422).body("errors.field", hasItem("email"));
        json().body(Map.of("email", TestAccounts.uniqueEmail(), "password", "short"))
                .post("/api/auth/register").then().statusCode(422).body("errors.field", hasItem("password"));
        json().body(Map.of("email", TestAccounts.uniqueEmail(), "password", "x".repeat(129)))
                .post("/api/auth/register").then().statusCode(422).body("errors.field", hasItem("password"));
        json().body(Map.of("email", TestAccounts.uniqueEmail(), "password", "password123"))
                .post("/api/auth/register").then().statusCode(422).body("code", equalTo("weak_password"));
        json().body(Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD, "name", "n".repeat(101)))
                .post("/api/auth/register").then().statusCode(422).body("errors.field", hasItem("name"));
    }

    @Test
    void malformedBodiesAre400AndWrongMediaTypeIs415() {
        json().body("{\"email\": ").post("/api/auth/register")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed_request"))
                .body("requestId", notNullValue());
        json().body("{\"email\": 12, \"password\": true}").post("/api/auth/register")
                .then().statusCode(400).body("code", equalTo("malformed_request"));
        json().body("[1,2,3]").post("/api/auth/login").then().statusCode(400).body("code", equalTo("malformed_request"));
        json().body("").post("/api/auth/login").then().statusCode(400).body("code", equalTo("malformed_request"));
        json().body("{\"email\":\"a@b.co\",\"password\":\"x\",\"admin\":true}").post("/api/auth/login")
                .then().statusCode(400).body("detail", containsString("admin"));
        given().contentType(ContentType.TEXT).body("email=a").post("/api/auth/login")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void loginFailsTheSameWayForUnknownEmailAndWrongPassword() {
        Account account = TestAccounts.signUp();
        Response wrongPassword = json().body(Map.of("email", account.email(), "password", "wrong password!!"))
                .post("/api/auth/login");
        Response unknown = json().body(Map.of("email", TestAccounts.uniqueEmail(), "password", "wrong password!!"))
                .post("/api/auth/login");
        for (Response r : List.of(wrongPassword, unknown)) {
            r.then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("invalid_credentials"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword.jsonPath().getString("detail"), unknown.jsonPath().getString("detail"));
    }

    /**
     * Found by HostileInputTest: a NUL in the address reached PostgreSQL, which refuses it (a 500). An
     * address no account can have is refused as invalid input, before it costs a hash or becomes a limiter key.
     */
    @Test
    void anAddressNoAccountCanHaveIs422() {
        for (String email : List.of("a\u0000b@example.com", "not an address", "x".repeat(300) + "@example.com")) {
            json().body(Map.of("email", email, "password", "wrong password!!")).post("/api/auth/login")
                    .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors.field", hasItem("email"));
        }
    }

    @Test
    void loginReturnsTokensOfTheContract() {
        Account account = TestAccounts.signUp();
        json().body(Map.of("email", account.email(), "password", account.password()))
                .post("/api/auth/login").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("refreshExpiresIn", greaterThanOrEqualTo(86400))
                .body("accessToken", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .body("refreshToken", matchesPattern("[\\w-]{43,}"))
                .body("user.email", equalTo(account.email()));
    }

    @Test
    void refreshRotatesAndAReplayEndsTheSession() {
        Account account = TestAccounts.signUp();
        Response first = json().body(Map.of("refreshToken", account.refreshToken())).post("/api/auth/refresh");
        first.then().statusCode(200);
        String rotated = first.jsonPath().getString("refreshToken");
        String newAccess = first.jsonPath().getString("accessToken");
        assertNotEquals(account.refreshToken(), rotated);
        given().header("Authorization", "Bearer " + newAccess).get("/api/auth/me").then().statusCode(200);

        // the old token again: replay -> 401, and the whole session (incl. the rotated token) ends
        json().body(Map.of("refreshToken", account.refreshToken())).post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        json().body(Map.of("refreshToken", rotated)).post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        given().header("Authorization", "Bearer " + newAccess).get("/api/auth/me")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void unknownRefreshTokenIs401() {
        json().body(Map.of("refreshToken", "nope")).post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        json().body("{}").post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void logoutEndsOnlyThatSession() {
        Account account = TestAccounts.signUp();
        Account otherDevice = TestAccounts.logIn(account.email(), account.password());
        json().body(Map.of("refreshToken", account.refreshToken())).post("/api/auth/logout").then().statusCode(204);
        given().header("Authorization", account.bearer()).get("/api/auth/me").then().statusCode(401);
        json().body(Map.of("refreshToken", account.refreshToken())).post("/api/auth/refresh").then().statusCode(401);
        given().header("Authorization", otherDevice.bearer()).get("/api/auth/me").then().statusCode(200);
        // logging out twice or with garbage is still 204
        json().body(Map.of("refreshToken", "garbage")).post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void logoutAllEndsEveryTokenAtOnce() {
        Account account = TestAccounts.signUp();
        Account otherDevice = TestAccounts.logIn(account.email(), account.password());
        given().header("Authorization", account.bearer()).post("/api/auth/logout-all").then().statusCode(204);
        for (Account a : List.of(account, otherDevice)) {
            given().header("Authorization", a.bearer()).get("/api/auth/me").then().statusCode(401);
            json().body(Map.of("refreshToken", a.refreshToken())).post("/api/auth/refresh").then().statusCode(401);
        }
        given().post("/api/auth/logout-all").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void meCanBeReadAndRenamed() {
        Account account = TestAccounts.signUp();
        given().header("Authorization", account.bearer()).get("/api/auth/me")
                .then().statusCode(200).body("email", equalTo(account.email())).body("id", equalTo(account.id()));
        json().header("Authorization", account.bearer()).body(Map.of("name", "  Grace Hopper  "))
                .patch("/api/auth/me").then().statusCode(200).body("name", equalTo("Grace Hopper"));
        json().header("Authorization", account.bearer()).body(Map.of("name", "x".repeat(101)))
                .patch("/api/auth/me").then().statusCode(422).body("errors.field", hasItem("name"));
        // valid JSON escapes that make no storable text: half an emoji, NUL (the fuzzer found a 500 here)
        for (String name : new String[] {"Ada \\ud83d Lovelace", "Ada\\u0000"}) {
            json().header("Authorization", account.bearer()).body("{\"name\":\"" + name + "\"}")
                    .patch("/api/auth/me").then().statusCode(422).body("errors.field", hasItem("name"));
            json().body("{\"email\":\"" + TestAccounts.uniqueEmail() + "\",\"password\":\"" + TestAccounts.PASSWORD
                    + "\",\"name\":\"" + name + "\"}")
                    .post("/api/auth/register").then().statusCode(422).body("errors.field", hasItem("name"));
        }
        given().get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void passwordChangeKeepsThisClientAndEndsTheOthers() {
        Account account = TestAccounts.signUp();
        Account otherDevice = TestAccounts.logIn(account.email(), account.password());
        String newPassword = "a brand new passphrase 7";
        json().header("Authorization", account.bearer())
                .body(Map.of("currentPassword", "wrong one!!", "newPassword", newPassword))
                .post("/api/auth/password/change").then().statusCode(403).body("code", equalTo("invalid_credentials"));
        json().header("Authorization", account.bearer())
                .body(Map.of("currentPassword", account.password(), "newPassword", "password1"))
                .post("/api/auth/password/change").then().statusCode(422).body("code", equalTo("weak_password"));
        Response changed = json().header("Authorization", account.bearer())
                .body(Map.of("currentPassword", account.password(), "newPassword", newPassword))
                .post("/api/auth/password/change");
        changed.then().statusCode(200).body("accessToken", notNullValue()).body("refreshToken", notNullValue());
        given().header("Authorization", "Bearer " + changed.jsonPath().getString("accessToken"))
                .get("/api/auth/me").then().statusCode(200);
        given().header("Authorization", otherDevice.bearer()).get("/api/auth/me").then().statusCode(401);
        json().body(Map.of("refreshToken", otherDevice.refreshToken())).post("/api/auth/refresh").then().statusCode(401);
        json().body(Map.of("email", account.email(), "password", account.password())).post("/api/auth/login").then().statusCode(401);
        TestAccounts.logIn(account.email(), newPassword);
    }

    @Test
    void deletingTheAccountRemovesEverything() {
        Account account = TestAccounts.signUp();
        json().header("Authorization", account.bearer()).body(Map.of("password", "not it at all"))
                .delete("/api/auth/me").then().statusCode(403).body("code", equalTo("invalid_credentials"));
        json().header("Authorization", account.bearer()).body(Map.of("password", account.password()))
                .delete("/api/auth/me").then().statusCode(204);
        given().header("Authorization", account.bearer()).get("/api/auth/me").then().statusCode(401);
        json().body(Map.of("email", account.email(), "password", account.password())).post("/api/auth/login").then().statusCode(401);
        // the address is free again
        TestAccounts.signUp(account.email());
    }

    @Test
    void loginIsRateLimitedPerAccountFromOneAddress() {
        Account account = TestAccounts.signUp();
        InetAddress ip = TestAccounts.randomIp();
        Response last = null;
        for (int i = 0; i < 12; i++) {
            last = TestAccounts.from(ip).contentType(ContentType.JSON).body(Map.of("email", account.email(), "password", "wrong password " + i)).post("/api/auth/login");
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .header("Retry-After", matchesPattern("\\d+"));
    }

    @Test
    void loginIsRateLimitedPerIp() {
        InetAddress ip = TestAccounts.randomIp();
        Response last = null;
        for (int i = 0; i < 25; i++) {
            last = TestAccounts.from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", TestAccounts.uniqueEmail(), "password", "whatever it is")).post("/api/auth/login");
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then().statusCode(429).header("Retry-After", not(equalTo("0")));
    }

    @Test
    void registerIsRateLimitedPerAddressWhateverTheClient() {
        String email = TestAccounts.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            json().body(Map.of("email", email, "password", TestAccounts.PASSWORD)).post("/api/auth/register")
                    .then().statusCode(202);
        }
        json().body(Map.of("email", email.toUpperCase(), "password", TestAccounts.PASSWORD)).post("/api/auth/register")
                .then().statusCode(429).header("Retry-After", not(equalTo("0")));
    }

    @Test
    void registerIsRateLimitedPerIp() {
        InetAddress ip = TestAccounts.randomIp();
        Response last = null;
        for (int i = 0; i < 12; i++) {
            last = TestAccounts.from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD)).post("/api/auth/register");
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then().statusCode(429).body("code", equalTo("rate_limited")).header("Retry-After", matchesPattern("\\d+"));
    }
}
