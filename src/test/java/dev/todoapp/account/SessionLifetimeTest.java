package dev.todoapp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.todoapp.account.service.SessionPurge;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sessions end (issue 12 item 5): 30 days without a refresh (idle) or 90 days after sign-in (absolute),
 * whichever comes first, for refresh and for every request; ended sessions and spent tokens are purged,
 * by one instance at a time. Time passes here by moving the stored ends into the past.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SessionLifetimeTest {

    @Inject
    SessionPurge purge;

    private static Response refresh(String token) {
        return TestAccounts.fromFreshAddress().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/auth/refresh");
    }

    private static String sessionOf(Account account) {
        return TestDatabase.rows("select s.id::text as id from auth_session s join app_user u on u.id = s.user_id"
                + " where u.email = ? order by s.created_at desc limit 1", account.email()).get(0).get("id").toString();
    }

    private static void assertEnded(Account account) {
        refresh(account.refreshToken()).then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        given().header("Authorization", account.bearer()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aSessionPastItsAbsoluteEndNeitherRefreshesNorServes() {
        Account account = TestAccounts.signUp();
        TestDatabase.update("update auth_session set expires_at = now() - interval '1 second' where id = ?::uuid", sessionOf(account));
        assertEnded(account);
    }

    @Test
    void anIdleSessionNeitherRefreshesNorServes() {
        Account account = TestAccounts.signUp();
        TestDatabase.update("update auth_session set idle_expires_at = now() - interval '1 second' where id = ?::uuid", sessionOf(account));
        assertEnded(account);
    }

    @Test
    void aRefreshMovesTheIdleEndButNeverPastTheAbsoluteOne() {
        Account account = TestAccounts.signUp();
        String session = sessionOf(account);
        // signed in 89 days and 23 hours ago, last refreshed a week ago
        TestDatabase.update("update auth_session set expires_at = now() + interval '1 hour',"
                + " idle_expires_at = now() + interval '23 days' where id = ?::uuid", session);
        Response renewed = refresh(account.refreshToken());
        renewed.then().statusCode(200).body("refreshExpiresIn", lessThanOrEqualTo(3600));
        Map<String, Object> row = TestDatabase.rows("select idle_expires_at = expires_at as capped from auth_session where id = ?::uuid", session).get(0);
        assertEquals(Boolean.TRUE, row.get("capped"), "the idle end stops at the absolute end");

        Account other = TestAccounts.logIn(account.email(), account.password());
        String otherSession = sessionOf(other);
        double before = idleEnd(otherSession);
        refresh(other.refreshToken()).then().statusCode(200).body("refreshExpiresIn", equalTo((int) Duration.ofDays(30).toSeconds()));
        assertTrue(idleEnd(otherSession) > before, "a refresh pushes the idle end forward");
    }

    @Test
    void thePurgeDeletesEndedSessionsAndSpentTokensButKeepsLiveOnes() {
        Account live = TestAccounts.signUp();
        Account loggedOut = TestAccounts.logIn(live.email(), live.password());
        Account idle = TestAccounts.logIn(live.email(), live.password());
        String rotatedAway = live.refreshToken();
        String current = refresh(rotatedAway).then().statusCode(200).extract().path("refreshToken");
        String loggedOutSession = sessionOf(loggedOut);
        TestAccounts.fromFreshAddress().contentType(ContentType.JSON).body(Map.of("refreshToken", loggedOut.refreshToken()))
                .post("/api/auth/logout").then().statusCode(204);
        String idleSession = sessionOf(idle);
        TestDatabase.update("update auth_session set idle_expires_at = now() - interval '1 second' where id = ?::uuid", idleSession);
        // the rotated-away token was used more than a day ago
        TestDatabase.update("update refresh_token set expires_at = now() - interval '1 second'"
                + " where token_hash = sha256(convert_to(?, 'UTF8'))", rotatedAway);
        String liveSession = TestDatabase.rows("select session_id::text as id from refresh_token"
                + " where token_hash = sha256(convert_to(?, 'UTF8'))", current).get(0).get("id").toString();

        SessionPurge.Outcome outcome = purge.purge().await().atMost(Duration.ofSeconds(30));

        assertFalse(outcome.skipped());
        assertEquals(0, count("select count(*) as n from auth_session where id in (?::uuid, ?::uuid)", loggedOutSession, idleSession));
        assertEquals(0, count("select count(*) as n from refresh_token where token_hash = sha256(convert_to(?, 'UTF8'))", rotatedAway));
        assertEquals(1, count("select count(*) as n from auth_session where id = ?::uuid", liveSession));
        refresh(current).then().statusCode(200);
    }

    @Test
    void onlyOneInstancePurgesAtATime() throws Exception {
        Account account = TestAccounts.signUp();
        TestDatabase.update("update auth_session set revoked_at = now() where id = ?::uuid", sessionOf(account));
        String session = sessionOf(account);
        try (Connection otherInstance = TestDatabase.connect()) {
            otherInstance.setAutoCommit(false);
            try (Statement statement = otherInstance.createStatement();
                 ResultSet locked = statement.executeQuery("select pg_try_advisory_xact_lock(hashtext('todo:purge-ended-sessions'))")) {
                assertTrue(locked.next() && locked.getBoolean(1), "the other instance holds the purge lock");
            }
            assertTrue(purge.purge().await().atMost(Duration.ofSeconds(30)).skipped(), "this instance skips the round");
            assertEquals(1, count("select count(*) as n from auth_session where id = ?::uuid", session));
            otherInstance.rollback();
        }
        assertFalse(purge.purge().await().atMost(Duration.ofSeconds(30)).skipped());
        assertEquals(0, count("select count(*) as n from auth_session where id = ?::uuid", session));
    }

    @Test
    void thePurgeFindsItsRowsThroughIndexes() throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            for (String[] query : List.of(
                    new String[] {"delete from auth_session where least(expires_at, idle_expires_at, coalesce(revoked_at, 'infinity'::timestamptz)) < now()", "auth_session_ended"},
                    new String[] {"delete from refresh_token where expires_at < now()", "refresh_token_expiry"},
                    new String[] {"delete from rate_limit_window where window_end < now()", "rate_limit_window_end"})) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("explain " + query[0])) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains(query[1]), plan.toString());
            }
        }
    }

    private static double idleEnd(String session) {
        return ((Number) TestDatabase.rows("select extract(epoch from idle_expires_at) as t from auth_session where id = ?::uuid", session)
                .get(0).get("t")).doubleValue();
    }

    private static long count(String sql, Object... arguments) {
        return ((Number) TestDatabase.rows(sql, arguments).get(0).get("n")).longValue();
    }
}
