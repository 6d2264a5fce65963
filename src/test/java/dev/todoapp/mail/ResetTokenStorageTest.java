package dev.todoapp.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.todoapp.account.RevokedTokensTest;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The emailed reset token exists in the database only as its SHA-256, and a reset ends every session's tokens. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(SmtpProfile.class)
class ResetTokenStorageTest {

    private static final String SHA256_ROW = "select used_at from password_reset_token"
            + " where token_hash = sha256(convert_to(?, 'UTF8'))";

    @Test
    void theDatabaseHoldsTheTokensHashAndAResetRevokesEveryToken() throws Exception {
        Account laptop = TestAccounts.signUp();
        Account phone = TestAccounts.logIn(laptop.email(), laptop.password());
        TestAccounts.fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("email", laptop.email())).post("/api/auth/password/forgot").then().statusCode(202);
        List<MimeMessage> mails = GreenMailResource.awaitMails(laptop.email(), 1, Duration.ofSeconds(30));
        String token = Mails.resetToken(Mails.part(mails.get(0), "text/plain"));

        List<Map<String, Object>> stored = TestDatabase.rows(SHA256_ROW, token);
        assertEquals(1, stored.size(), "exactly one row keyed by the token's SHA-256");
        assertNull(stored.get(0).get("used_at"));
        PasswordResetSmtpTest.assertTokenStoredNowhere(token);

        TestAccounts.fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("token", token, "newPassword", "a brand new passphrase 91"))
                .post("/api/auth/password/reset").then().statusCode(204);

        assertNotNull(TestDatabase.rows(SHA256_ROW, token).get(0).get("used_at"), "the token is spent");
        RevokedTokensTest.assertRevoked(laptop);
        RevokedTokensTest.assertRevoked(phone);
    }
}
