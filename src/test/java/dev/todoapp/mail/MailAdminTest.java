package dev.todoapp.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * An operator's view of mail that could not be delivered (management port, ADMIN_TOKEN): a reset mail
 * dies while SMTP is down, is requeued once SMTP is back and arrives exactly once; an expired one is
 * refused; nothing shows a body, link or whole address.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(MailAdminProfile.class)
class MailAdminTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    // the management root is /q, so this is /q/admin/mail on MANAGEMENT_PORT
    @TestHTTPResource(value = "/admin/mail", management = true)
    URL mails;

    private RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + MailAdminProfile.ADMIN_TOKEN);
    }

    @Test
    void aMailThatDiedDuringAnOutageIsRequeuedAndArrivesExactlyOnce() throws Exception {
        String email = TestAccounts.signUp().email();
        UUID id = resetMailDeadDuringOutage(email);
        Map<String, Object> dead = awaitListed(id, "dead");
        assertEquals(3, dead.get("attempts"), "MAIL_MAX_ATTEMPTS attempts");
        assertEquals("password_reset", dead.get("kind"));
        assertEquals(email.charAt(0) + "***" + email.substring(email.indexOf('@')), dead.get("to"));
        assertNotNull(dead.get("lastError"));
        assertTrue(((Number) dead.get("ageSeconds")).longValue() >= 0);
        assertEquals(true, dead.get("requeueable"));
        assertEquals(0, GreenMailResource.awaitMails(email, 1, Duration.ofMillis(200)).size());
        String listing = operator().get(mails).then().statusCode(200).extract().asString();
        assertFalse(listing.contains(email), "no whole address");
        assertFalse(listing.contains("reset-password") || listing.contains("token="), "no link or token");
        assertFalse(listing.contains("Reset your password"), "no subject or body");

        operator().post(mails + "/" + id + "/requeue").then().statusCode(200)
                .body("id", equalTo(id.toString())).body("status", equalTo("pending"));

        MimeMessage mail = PasswordResetSmtpTest.onlyMail(email, 1);
        awaitStatus(id, "sent");
        // longer than the largest retry delay (1 s): a second send would have happened by now
        Thread.sleep(2500);
        assertEquals(1, GreenMailResource.awaitMails(email, 1, Duration.ZERO).size(), "delivered exactly once");
        String token = Mails.resetToken(Mails.part(mail, "text/plain"));
        PasswordResetSmtpTest.json().body(Map.of("token", token)).post("/api/auth/password/reset/verify")
                .then().statusCode(200).body("valid", equalTo(true));

        operator().post(mails + "/" + id + "/requeue").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("mail_state_conflict"))
                .body("detail", containsString("sent"));
        assertFalse(listedIds(null).contains(id.toString()), "a sent mail needs no attention");
    }

    @Test
    void aResetMailWhoseLinkExpiredIsNotRequeuedAndCanBeDiscarded() {
        String email = TestAccounts.signUp().email();
        UUID id = resetMailDeadDuringOutage(email);
        // the mail's expiry is the reset token's (the feature set it; the outbox only compares)
        assertEquals(List.of(Map.of("same", true)), TestDatabase.rows("select o.valid_until = t.expires_at as same"
                + " from mail_outbox o join app_user u on u.email = o.recipient"
                + " join password_reset_token t on t.user_id = u.id where o.id = ?", id));
        // as if PASSWORD_RESET_TTL had passed while the mail lay dead
        TestDatabase.update("update mail_outbox set valid_until = now() - interval '1 minute' where id = ?", id);
        TestDatabase.update("update password_reset_token set expires_at = now() - interval '1 minute'"
                + " where user_id = (select id from app_user where email = ?)", email);

        assertEquals(false, awaitListed(id, "dead").get("requeueable"));
        operator().post(mails + "/" + id + "/requeue").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("mail_expired"))
                .body("detail", containsString("expired"));
        assertEquals("dead", status(id));

        operator().post(mails + "/" + id + "/discard").then().statusCode(200).body("status", equalTo("discarded"));
        assertEquals("discarded", status(id));
        assertNull(TestDatabase.rows("select payload from mail_outbox where id = ?", id).get(0).get("payload"), "body dropped");
        assertFalse(listedIds(null).contains(id.toString()));
        operator().post(mails + "/" + id + "/discard").then().statusCode(409).body("code", equalTo("mail_state_conflict"));
        assertEquals(0, GreenMailResource.awaitMails(email, 1, Duration.ofMillis(500)).size(), "never sent");
    }

    @Test
    void onlyTheOperatorTokenOpensTheEndpointsAndOnlyOnTheManagementPort() {
        given().get(mails).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer " + MailAdminProfile.ADMIN_TOKEN + "x").get(mails).then().statusCode(401);
        given().header("Authorization", "Basic " + MailAdminProfile.ADMIN_TOKEN).get(mails).then().statusCode(401);
        given().post(mails + "/" + UUID.randomUUID() + "/requeue").then().statusCode(401);

        operator().post(mails + "/" + UUID.randomUUID() + "/requeue").then().statusCode(404).body("code", equalTo("not_found"));
        operator().post(mails + "/not-an-id/discard").then().statusCode(404).body("code", equalTo("not_found"));
        operator().get(mails + "?status=sent").then().statusCode(422).body("code", equalTo("validation_failed"));

        given().header("Authorization", "Bearer " + MailAdminProfile.ADMIN_TOKEN).get("/q/admin/mail").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200).body(not(containsString("/admin")));
    }

    /** Asks for a reset link while SMTP is down; returns the mail's id once it is dead, with SMTP back up. */
    private UUID resetMailDeadDuringOutage(String email) {
        // the sign-up's verification mail goes out first, so no send is cut off mid-way by the stop
        assertEquals(1, GreenMailResource.awaitAllMails(email, 1, WAIT).size(), "verification mail");
        GreenMailResource.stopServer();
        try {
            PasswordResetSmtpTest.forgot(email).then().statusCode(202);
            PasswordResetSmtpTest.awaitOutbox(email, row -> true);
            UUID id = (UUID) TestDatabase.rows("select id from mail_outbox where recipient = ? and kind = 'password_reset'",
                    email).get(0).get("id");
            awaitListed(id, "dead");
            return id;
        } finally {
            GreenMailResource.startServer();
        }
    }

    private Map<String, Object> awaitListed(UUID id, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath listing = operator().get(mails + "?status=" + status).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> found = listing.getList("mails.findAll { it.id == '" + id + "' }");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            assertTrue(System.nanoTime() < deadline, "mail " + id + " never listed as " + status);
            pause();
        }
    }

    private List<String> listedIds(String status) {
        return operator().get(status == null ? mails.toString() : mails + "?status=" + status)
                .then().statusCode(200).extract().jsonPath().getList("mails.id");
    }

    private static String status(UUID id) {
        return (String) TestDatabase.rows("select status from mail_outbox where id = ?", id).get(0).get("status");
    }

    private static void awaitStatus(UUID id, String expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!expected.equals(status(id))) {
            assertTrue(System.nanoTime() < deadline, "mail " + id + " never " + expected);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
