package dev.todoapp.mail;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.todoapp.account.service.EmailVerificationService;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Sign-up, resend, sign-in gate and email change, with every link read from a real SMTP server (GreenMail). */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(SmtpProfile.class)
class EmailVerificationSmtpTest {

    static final String OTHER_PASSWORD = "another long passphrase 77";

    @Inject
    EmailVerificationService verification;

    @Inject
    Vertx vertx;

    static Response register(String email, String password, String name) {
        return PasswordResetSmtpTest.json().body(Map.of("email", email, "password", password, "name", name))
                .post("/api/auth/register");
    }

    static Response login(String email, String password) {
        return PasswordResetSmtpTest.json().body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    static Response verify(String token) {
        return PasswordResetSmtpTest.json().body(Map.of("token", token)).post("/api/auth/email/verify");
    }

    static Response resend(String email) {
        return PasswordResetSmtpTest.json().body(Map.of("email", email)).post("/api/auth/email/resend");
    }

    static Response change(Account account, String newEmail, String password) {
        return PasswordResetSmtpTest.json().header("Authorization", account.bearer())
                .body(Map.of("newEmail", newEmail, "password", password)).post("/api/auth/email/change");
    }

    /** The {@code count}th mail to {@code address}, sign-up verification mails included. */
    static MimeMessage nthMail(String address, int count) {
        List<MimeMessage> mails = GreenMailResource.awaitAllMails(address, count, PasswordResetSmtpTest.MAIL_WAIT);
        assertEquals(count, mails.size(), "mails to " + address);
        return mails.get(count - 1);
    }

    static String tokenOf(MimeMessage mail) {
        return Mails.verifyToken(Mails.part(mail, "text/plain"));
    }

    @Test
    void aNewAddressGetsALinkThatVerifiesOnceAndSignsIn() throws Exception {
        String email = TestAccounts.uniqueEmail();
        register(email, TestAccounts.PASSWORD, "Ada").then().statusCode(202).header("Cache-Control", "no-store");

        MimeMessage mail = nthMail(email, 1);
        assertEquals("Confirm your email address", mail.getSubject());
        String html = Mails.part(mail, "text/html");
        String text = Mails.part(mail, "text/plain");
        for (String body : List.of(html, text)) {
            assertTrue(body.contains("This link expires in 24 hours and works once."), body);
        }
        assertTrue(html.contains("max-width:600px"));
        String link = Mails.verifyLink(text);
        assertEquals(link, Mails.verifyLink(html), "the same link in both parts");
        assertTrue(link.startsWith("https://app.todo.test/verify-email?token="), link);
        String token = tokenOf(mail);
        assertTrue(token.length() >= 43, "at least 256 bits");
        assertEquals(1, TestDatabase.rows("select 1 from email_token where token_hash = sha256(convert_to(?, 'UTF8'))", token)
                .size(), "only the SHA-256 is stored");
        // the mail is of use exactly as long as its link: an operator cannot requeue it after that
        assertEquals(List.of(Map.of("same", true)), TestDatabase.rows("select o.valid_until = t.expires_at as same"
                + " from mail_outbox o join email_token t on t.token_hash = sha256(convert_to(?, 'UTF8'))"
                + " where o.recipient = ? and o.kind = 'verify_email'", token, email));

        // unverified: refused only once the password matched
        login(email, "wrong password here").then().statusCode(401).body("code", equalTo("invalid_credentials"));
        login(email, TestAccounts.PASSWORD).then().statusCode(403).body("code", equalTo("email_not_verified"));

        JsonPath tokens = verify(token).then().statusCode(200).extract().jsonPath();
        assertEquals(email, tokens.getString("user.email"));
        assertTrue(tokens.getBoolean("user.emailVerified"));
        PasswordResetSmtpTest.json().header("Authorization", "Bearer " + tokens.getString("accessToken"))
                .get("/api/auth/me").then().statusCode(200).body("name", equalTo("Ada")).body("emailVerified", equalTo(true));
        verify(token).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_verification_token"));
        login(email, TestAccounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void signingUpAgainWithAVerifiedAddressChangesNothingAndTellsTheOwner() throws Exception {
        Account owner = TestAccounts.signUp();
        String first = register(owner.email(), TestAccounts.PASSWORD, "Mallory").then().statusCode(202).extract().asString();
        String second = register(TestAccounts.uniqueEmail(), TestAccounts.PASSWORD, "Mallory").then().statusCode(202)
                .extract().asString();
        assertEquals(first, second, "the same body for an existing and a new address");

        MimeMessage mail = PasswordResetSmtpTest.onlyMail(owner.email(), 1);
        assertEquals("Someone tried to create an account with your address", mail.getSubject());
        String text = Mails.part(mail, "text/plain");
        assertTrue(text.contains("https://app.todo.test/sign-in"), text);
        assertTrue(text.contains("https://app.todo.test/forgot-password"), text);
        assertTrue(!text.contains("verify-email"), "no link that could take the account over");
        register(owner.email(), OTHER_PASSWORD, "Mallory").then().statusCode(202);
        PasswordResetSmtpTest.onlyMail(owner.email(), 2);
        login(owner.email(), OTHER_PASSWORD).then().statusCode(401);
        login(owner.email(), TestAccounts.PASSWORD).then().statusCode(200).body("user.name", equalTo("Test User"));
    }

    @Test
    void aPendingAddressTakesTheNewestRegistrationAndOnlyTheNewestLinkWorks() throws Exception {
        String email = TestAccounts.uniqueEmail();
        register(email, TestAccounts.PASSWORD, "First").then().statusCode(202);
        String firstToken = tokenOf(nthMail(email, 1));
        register(email, OTHER_PASSWORD, "Second").then().statusCode(202);
        String secondToken = tokenOf(nthMail(email, 2));

        verify(firstToken).then().statusCode(400).body("code", equalTo("invalid_verification_token"));
        verify(secondToken).then().statusCode(200).body("user.name", equalTo("Second"));
        login(email, TestAccounts.PASSWORD).then().statusCode(401);
        login(email, OTHER_PASSWORD).then().statusCode(200);
        assertEquals(1, TestDatabase.rows("select 1 from app_user where email_normalized = ?", email).size());
    }

    @Test
    void resendSendsAFreshLinkOnlyToAPendingAddressAndAnswersAlikeForAll() throws Exception {
        String pending = TestAccounts.uniqueEmail();
        register(pending, TestAccounts.PASSWORD, "P").then().statusCode(202);
        String oldToken = tokenOf(nthMail(pending, 1));
        Account verified = TestAccounts.signUp();
        String unknown = TestAccounts.uniqueEmail();

        String answer = resend(pending).then().statusCode(202).extract().asString();
        assertEquals(answer, resend(verified.email()).then().statusCode(202).extract().asString());
        assertEquals(answer, resend(unknown).then().statusCode(202).extract().asString());

        String newToken = tokenOf(nthMail(pending, 2));
        verify(oldToken).then().statusCode(400);
        verify(newToken).then().statusCode(200);
        // the other two got nothing: wait for the outbox to be idle, then look
        assertEquals(0, GreenMailResource.awaitAllMails(unknown, 1, Duration.ofSeconds(2)).size());
        assertEquals(1, GreenMailResource.awaitAllMails(verified.email(), 2, Duration.ZERO).size(), "its sign-up mail only");
    }

    @Test
    void resendIsLimitedPerAddress() throws Exception {
        String email = TestAccounts.uniqueEmail();
        for (int i = 0; i < 3; i++) {
            resend(email).then().statusCode(202);
        }
        resend(email).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void accountsNeverVerifiedAreDeletedAfterSevenDays() throws Exception {
        String stale = TestAccounts.uniqueEmail();
        String fresh = TestAccounts.uniqueEmail();
        register(stale, TestAccounts.PASSWORD, "S").then().statusCode(202);
        register(fresh, TestAccounts.PASSWORD, "F").then().statusCode(202);
        nthMail(stale, 1);
        nthMail(fresh, 1);
        TestDatabase.update("update app_user set updated_at = now() - interval '8 days' where email_normalized = ?", stale);
        Account old = TestAccounts.signUp();
        TestDatabase.update("update app_user set updated_at = now() - interval '30 days' where id = ?::uuid", old.id());

        // as the scheduler runs it: on a Vert.x context
        CompletableFuture<Void> done = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> verification.deleteStaleRows().subscribe().with(done::complete, done::completeExceptionally));
        done.get(10, TimeUnit.SECONDS);

        assertEquals(0, TestDatabase.rows("select 1 from app_user where email_normalized = ?", stale).size());
        assertEquals(1, TestDatabase.rows("select 1 from app_user where email_normalized = ?", fresh).size());
        login(old.email(), TestAccounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void changingTheAddressTakesTheNewAddressesLinkAndEndsOtherSessions() throws Exception {
        Account account = TestAccounts.signUp();
        Account otherDevice = TestAccounts.logIn(account.email(), TestAccounts.PASSWORD);
        String newEmail = TestAccounts.uniqueEmail();

        change(account, newEmail, "not my password").then().statusCode(403).body("code", equalTo("invalid_credentials"));
        change(account, "not-an-address", TestAccounts.PASSWORD).then().statusCode(422);
        change(account, account.email().toUpperCase(), TestAccounts.PASSWORD).then().statusCode(422);
        change(account, newEmail, TestAccounts.PASSWORD).then().statusCode(202);

        MimeMessage notice = PasswordResetSmtpTest.onlyMail(account.email(), 1);
        assertEquals("Your email address is about to change", notice.getSubject());
        assertTrue(Mails.part(notice, "text/plain").contains(newEmail));
        assertTrue(!Mails.part(notice, "text/plain").contains("verify-email"), "the link goes to the new address only");
        MimeMessage mail = PasswordResetSmtpTest.onlyMail(newEmail, 1);
        assertEquals("Confirm your new email address", mail.getSubject());
        assertTrue(Mails.part(mail, "text/html").contains("max-width:600px"));

        // nothing changes until the link is used
        PasswordResetSmtpTest.json().header("Authorization", account.bearer()).get("/api/auth/me").then().statusCode(200)
                .body("email", equalTo(account.email())).body("pendingEmail", equalTo(newEmail));
        login(account.email(), TestAccounts.PASSWORD).then().statusCode(200);

        JsonPath tokens = verify(tokenOf(mail)).then().statusCode(200).extract().jsonPath();
        assertEquals(newEmail, tokens.getString("user.email"));
        PasswordResetSmtpTest.json().header("Authorization", "Bearer " + tokens.getString("accessToken")).get("/api/auth/me")
                .then().statusCode(200).body("email", equalTo(newEmail)).body("pendingEmail", nullValue());
        PasswordResetSmtpTest.json().header("Authorization", otherDevice.bearer()).get("/api/auth/me").then().statusCode(401);
        PasswordResetSmtpTest.json().body(Map.of("refreshToken", otherDevice.refreshToken())).post("/api/auth/refresh")
                .then().statusCode(401);
        login(account.email(), TestAccounts.PASSWORD).then().statusCode(401);
        login(newEmail, TestAccounts.PASSWORD).then().statusCode(200);
        verify(tokenOf(mail)).then().statusCode(400).body("code", equalTo("invalid_verification_token"));
    }

    @Test
    void aChangeLinkFailsCleanlyWhenTheAddressWasTakenMeanwhile() throws Exception {
        Account account = TestAccounts.signUp();
        String newEmail = TestAccounts.uniqueEmail();
        change(account, newEmail, TestAccounts.PASSWORD).then().statusCode(202);
        String token = tokenOf(PasswordResetSmtpTest.onlyMail(newEmail, 1));
        TestAccounts.signUp(newEmail);

        verify(token).then().statusCode(400).contentType("application/problem+json").body("code", equalTo("email_taken"));
        login(account.email(), TestAccounts.PASSWORD).then().statusCode(200).body("user.email", equalTo(account.email()));
        login(newEmail, TestAccounts.PASSWORD).then().statusCode(200).body("user.id", org.hamcrest.Matchers.not(account.id()));
    }

    @Test
    void aChangeLinkWinsOverAnUnverifiedSignUpWithTheSameAddress() throws Exception {
        Account account = TestAccounts.signUp();
        String newEmail = TestAccounts.uniqueEmail();
        register(newEmail, OTHER_PASSWORD, "Squatter").then().statusCode(202);
        nthMail(newEmail, 1);
        change(account, newEmail, TestAccounts.PASSWORD).then().statusCode(202);
        String token = tokenOf(nthMail(newEmail, 2));

        verify(token).then().statusCode(200).body("user.id", equalTo(account.id())).body("user.email", equalTo(newEmail));
        login(newEmail, OTHER_PASSWORD).then().statusCode(401);
        assertEquals(1, TestDatabase.rows("select 1 from app_user where email_normalized = ?", newEmail).size());
    }

    @Test
    void emailChangeIsLimitedPerUser() throws Exception {
        Account account = TestAccounts.signUp();
        for (int i = 0; i < 5; i++) {
            change(account, TestAccounts.uniqueEmail(), TestAccounts.PASSWORD).then().statusCode(202);
        }
        change(account, TestAccounts.uniqueEmail(), TestAccounts.PASSWORD).then().statusCode(429);
    }
}
