package dev.todoapp.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.todoapp.mail.StartTlsSmtpResource.Received;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** SMTP on a submission port (not 465): the mail goes out only after STARTTLS, and the login with it. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(StartTlsSmtpTest.Profile.class)
class StartTlsSmtpTest {

    public static class Profile extends SmtpProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StartTlsSmtpResource.class));
        }
    }

    @Test
    void theResetMailGoesOutOverStartTlsWithALogin() throws InterruptedException {
        String email = TestAccounts.signUp().email();
        PasswordResetSmtpTest.forgot(email).then().statusCode(202);

        Received mail = awaitMail(email, Duration.ofSeconds(20));
        assertTrue(mail.overTls(), "encrypted with STARTTLS before the mail was sent");
        assertTrue(mail.authenticated(), "logged in");
        assertTrue(mail.data().contains("Subject: Reset your password"), "the reset mail arrived");
        assertFalse(StartTlsSmtpResource.LOGINS_OVER_TLS.contains(false), "the password never crossed a plain connection");
        PasswordResetSmtpTest.awaitOutbox(email, row -> "sent".equals(row.get("status")));
    }

    static Received awaitMail(String recipient, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (Received mail : StartTlsSmtpResource.RECEIVED) {
                // the sign-up's own verification mail goes to the same address first
                if (mail.recipient().equalsIgnoreCase(recipient) && !mail.data().contains("Subject: Confirm your email address")) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + recipient + " within " + within);
    }
}
