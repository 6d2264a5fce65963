package dev.todoapp.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The whole reset flow through a real SMTP server (GreenMail: implicit TLS, login). */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(SmtpProfile.class)
class PasswordResetSmtpTest {

    static final Duration MAIL_WAIT = Duration.ofSeconds(15);

    static RequestSpecification json() {
        return TestAccounts.fromFreshAddress().contentType(ContentType.JSON);
    }

    static Response forgot(String email) {
        return json().body(Map.of("email", email)).post("/api/auth/password/forgot");
    }

    static MimeMessage onlyMail(String address, int count) {
        List<MimeMessage> mails = GreenMailResource.awaitMails(address, count, MAIL_WAIT);
        assertEquals(count, mails.size(), "mails to " + address);
        return mails.get(count - 1);
    }

    @Test
    void resetMailArrivesWithBothPartsAndItsLinkResetsThePassword() throws Exception {
        Account account = TestAccounts.signUp();
        // a forged Host must not steer the link
        json().header("X-Forwarded-Host", "evil.example").body(Map.of("email", account.email().toUpperCase()))
                .post("/api/auth/password/forgot")
                .then().statusCode(202).header("Cache-Control", "no-store").body("message", notNullValue());

        MimeMessage mail = onlyMail(account.email(), 1);
        assertEquals("Reset your password", mail.getSubject());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("Todo Test", from.getPersonal());
        assertEquals("no-reply@todo.test", from.getAddress());
        assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
        String html = Mails.part(mail, "text/html");
        String text = Mails.part(mail, "text/plain");
        for (String body : List.of(html, text)) {
            assertTrue(body.contains("This link expires in 1 hour"), body);
            assertTrue(body.contains("If you didn't request this, you can ignore this email; your password will not change."), body);
        }
        assertTrue(html.contains("max-width:600px"));
        assertTrue(html.contains(">Reset password</a>"), "a button");
        String link = Mails.resetLink(text);
        assertEquals(link, Mails.resetLink(html), "the same link in both parts");
        assertTrue(link.startsWith("https://app.todo.test/reset-password?token="), link);
        String token = Mails.resetToken(text);
        assertTrue(token.length() >= 43, "256 bits, base64url");
        assertTokenStoredNowhere(token);

        json().body(Map.of("token", token)).post("/api/auth/password/reset/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("expiresAt", notNullValue());
        String newPassword = "a brand new passphrase 77";
        json().body(Map.of("token", token, "newPassword", newPassword)).post("/api/auth/password/reset")
                .then().statusCode(204);

        // every old session ended at once
        given().header("Authorization", account.bearer()).get("/api/auth/me").then().statusCode(401);
        json().body(Map.of("refreshToken", account.refreshToken())).post("/api/auth/refresh").then().statusCode(401);
        json().body(Map.of("email", account.email(), "password", TestAccounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(401);
        TestAccounts.logIn(account.email(), newPassword);

        // single use
        json().body(Map.of("token", token)).post("/api/auth/password/reset/verify")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_reset_token"));
        json().body(Map.of("token", token, "newPassword", "yet another passphrase 88")).post("/api/auth/password/reset")
                .then().statusCode(400).body("code", equalTo("invalid_reset_token"));

        MimeMessage notice = onlyMail(account.email(), 2);
        assertEquals("Your password was changed", notice.getSubject());
        assertTrue(Mails.part(notice, "text/plain").contains("https://app.todo.test/forgot-password"));
        assertTrue(Mails.part(notice, "text/html").contains("was changed on"));
    }

    @Test
    void aPasswordChangeSendsTheOwnerANotice() throws Exception {
        Account account = TestAccounts.signUp();
        json().header("Authorization", account.bearer())
                .body(Map.of("currentPassword", account.password(), "newPassword", "a brand new passphrase 77"))
                .post("/api/auth/password/change").then().statusCode(200);

        MimeMessage notice = onlyMail(account.email(), 1);
        assertEquals("Your password was changed", notice.getSubject());
        assertTrue(Mails.part(notice, "text/plain").contains("https://app.todo.test/forgot-password"));
    }

    @Test
    void smtpSettingsReachTheMailer() {
        Config config = ConfigProvider.getConfig();
        assertEquals(GreenMailResource.USER, config.getValue("quarkus.mailer.username", String.class));
        assertEquals("REQUIRED", config.getValue("quarkus.mailer.login", String.class));
        assertEquals(GreenMailResource.PASSWORD, config.getValue("quarkus.mailer.password", String.class));
    }

    @Test
    void mailQueuedWhileSmtpIsDownIsDeliveredOnceItIsBack() {
        Account account = TestAccounts.signUp();
        // the sign-up's verification mail must be out first: stopping the server mid-send leaves that send
        // waiting for the mailer timeout, which is not what this test is about
        assertEquals(1, GreenMailResource.awaitAllMails(account.email(), 1, MAIL_WAIT).size(), "verification mail");
        GreenMailResource.stopServer();
        try {
            long started = System.nanoTime();
            forgot(account.email()).then().statusCode(202);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "answered without waiting for SMTP");
            awaitOutbox(account.email(), row -> ((Number) row.get("attempts")).intValue() >= 1 && row.get("last_error") != null);
            assertEquals("pending", outbox(account.email()).get(0).get("status"));
        } finally {
            GreenMailResource.startServer();
        }
        onlyMail(account.email(), 1);
        awaitOutbox(account.email(), row -> "sent".equals(row.get("status")) && row.get("payload") == null);
    }

    @Test
    void aNewerRequestMakesTheOlderLinkInvalid() {
        Account account = TestAccounts.signUp();
        forgot(account.email()).then().statusCode(202);
        String first = Mails.resetToken(Mails.part(onlyMail(account.email(), 1), "text/plain"));
        forgot(account.email()).then().statusCode(202);
        String second = Mails.resetToken(Mails.part(onlyMail(account.email(), 2), "text/plain"));

        json().body(Map.of("token", first)).post("/api/auth/password/reset/verify")
                .then().statusCode(400).body("code", equalTo("invalid_reset_token"));
        json().body(Map.of("token", first, "newPassword", "superseded passphrase 1")).post("/api/auth/password/reset")
                .then().statusCode(400).body("code", equalTo("invalid_reset_token"));
        json().body(Map.of("token", second)).post("/api/auth/password/reset/verify").then().statusCode(200);
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStaysUsable() {
        Account account = TestAccounts.signUp();
        forgot(account.email()).then().statusCode(202);
        String token = Mails.resetToken(Mails.part(onlyMail(account.email(), 1), "text/plain"));
        json().body(Map.of("token", token, "newPassword", "password123")).post("/api/auth/password/reset")
                .then().statusCode(422).body("code", equalTo("weak_password"));
        json().body(Map.of("token", token, "newPassword", "short")).post("/api/auth/password/reset")
                .then().statusCode(422).body("code", equalTo("validation_failed"));
        json().body(Map.of("token", token)).post("/api/auth/password/reset/verify").then().statusCode(200);
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() {
        Account account = TestAccounts.signUp();
        String unknown = TestAccounts.uniqueEmail();
        Response known = forgot(account.email());
        Response other = forgot(unknown);
        assertEquals(202, known.statusCode());
        assertEquals(known.statusCode(), other.statusCode());
        assertEquals(known.body().asString(), other.body().asString());
        assertEquals(known.contentType(), other.contentType());
        onlyMail(account.email(), 1);
        assertEquals(0, GreenMailResource.awaitMails(unknown, 1, Duration.ofSeconds(1)).size());
        assertEquals(0, outbox(unknown).size());
    }

    @Test
    void invalidTokensAreRefusedAlike() {
        for (String token : List.of("", "not-a-token", "x".repeat(500))) {
            json().body(Map.of("token", token)).post("/api/auth/password/reset/verify")
                    .then().statusCode(400).body("code", equalTo("invalid_reset_token"));
        }
        json().body(Map.of("token", "nope", "newPassword", "a fine passphrase 99")).post("/api/auth/password/reset")
                .then().statusCode(400).body("code", equalTo("invalid_reset_token"));
        json().body("{\"email\": 42}").post("/api/auth/password/forgot").then().statusCode(400);
        json().body(Map.of("email", "not an address")).post("/api/auth/password/forgot")
                .then().statusCode(422).body("code", equalTo("validation_failed"));
    }

    @Test
    void forgotIsRateLimitedPerAddressAndPerIp() {
        String address = TestAccounts.uniqueEmail();
        for (int i = 0; i < 3; i++) {
            forgot(address).then().statusCode(202);
        }
        forgot(address).then().statusCode(429).header("Retry-After", notNullValue()).body("code", equalTo("rate_limited"));

        InetAddress ip = TestAccounts.randomIp();
        int limited = 0;
        for (int i = 0; i < 11; i++) {
            limited += TestAccounts.from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", TestAccounts.uniqueEmail())).post("/api/auth/password/forgot").statusCode() == 429 ? 1 : 0;
        }
        assertEquals(1, limited, "10 per IP, then 429");
    }

    @Test
    void healthShowsTheOutboxWithoutAffectingReadiness() {
        // public health names the check and its state, nothing more: the numbers are metrics (issue 12, item 6)
        given().get("/q/health").then().statusCode(200)
                .body("checks.name", hasItem("mail-outbox"))
                .body("checks.find { it.name == 'mail-outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'mail-outbox' }.data", nullValue());
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("mail-outbox")));
    }

    /** No column of any table holds the token in clear text (only its SHA-256; the mail body is sealed). */
    static void assertTokenStoredNowhere(String token) {
        for (String[] column : TestDatabase.textualColumns()) {
            String bytes = column[2].equals("bytea") ? column[1] : "convert_to(" + column[1] + "::text, 'UTF8')";
            String sql = "select count(*) as n from " + column[0] + " where position(convert_to(?, 'UTF8') in " + bytes + ") > 0";
            assertEquals(0L, ((Number) TestDatabase.rows(sql, token).get(0).get("n")).longValue(),
                    column[0] + "." + column[1] + " holds the token");
        }
    }

    static List<Map<String, Object>> outbox(String recipient) {
        return TestDatabase.rows("select * from mail_outbox where recipient = ? and kind <> 'verify_email' order by created_at", recipient);
    }

    static void awaitOutbox(String recipient, java.util.function.Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = outbox(recipient);
            if (!rows.isEmpty() && rows.stream().allMatch(condition)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("outbox of " + recipient + " never got there: " + outbox(recipient));
    }
}
