package dev.todoapp.mail;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.Readiness;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * "Forgot password" while PostgreSQL is briefly away (a restart, Neon waking up): the request is
 * answered 202 like any other, and once the database is back the reset mail still arrives.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(SmtpProfile.class)
class ForgotDuringOutageTest {

    @Test
    void theResetMailArrivesAfterTheDatabaseIsBack() throws Exception {
        String email = TestAccounts.signUp().email();

        PostgresResource.stopPostgres();
        try {
            PasswordResetSmtpTest.forgot(email).then().statusCode(202);
            Thread.sleep(3000); // a few failed attempts while it is down
        } finally {
            PostgresResource.startPostgres();
        }

        List<MimeMessage> mails = GreenMailResource.awaitMails(email, 1, Duration.ofSeconds(60));
        assertEquals(1, mails.size(), "the reset mail after the outage");
        String token = Mails.resetToken(Mails.part(mails.get(0), "text/plain"));
        PasswordResetSmtpTest.json().body(Map.of("token", token)).post("/api/auth/password/reset/verify")
                .then().statusCode(200).body("valid", equalTo(true));
        assertTrue(Readiness.await(200, Duration.ofSeconds(30)), "readiness UP again");
    }
}
