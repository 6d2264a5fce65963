package dev.todoapp.mail;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(ShortTtlProfile.class)
class ResetLinkExpiryTest {

    @Test
    void anExpiredLinkIsRefused() throws InterruptedException {
        String email = TestAccounts.signUp().email();
        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        String text = Mails.part(PasswordResetSmtpTest.onlyMail(email, 1), "text/plain");
        assertTrue(text.contains("This link expires in 2 seconds"), "the notice follows the configured TTL");
        String token = Mails.resetToken(text);

        Thread.sleep(2500);
        PasswordResetSmtpTest.json().body(Map.of("token", token)).post("/api/auth/password/reset/verify")
                .then().statusCode(400).body("code", equalTo("invalid_reset_token"));
        PasswordResetSmtpTest.json().body(Map.of("token", token, "newPassword", "too late passphrase 5"))
                .post("/api/auth/password/reset")
                .then().statusCode(400).body("code", equalTo("invalid_reset_token"));
        TestAccounts.logIn(email, TestAccounts.PASSWORD);
    }
}
