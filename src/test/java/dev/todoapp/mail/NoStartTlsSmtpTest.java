package dev.todoapp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An SMTP server that cannot encrypt (no STARTTLS offered) on a port where TLS is expected: the
 * mail is never sent in plain text and the password never offered; it stays queued and retried.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(NoStartTlsSmtpTest.Profile.class)
class NoStartTlsSmtpTest {

    public static class Profile extends SmtpProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StartTlsSmtpResource.class, Map.of("offer-starttls", "false")));
        }
    }

    @Test
    void noMailAndNoPasswordGoOverAPlainConnection() {
        String email = TestAccounts.signUp().email();
        PasswordResetSmtpTest.forgot(email).then().statusCode(202);

        // retried a few times (the profile retries every 0.5-1 s), failing each time before MAIL FROM
        PasswordResetSmtpTest.awaitOutbox(email, row -> ((Number) row.get("attempts")).intValue() >= 3);
        Map<String, Object> row = PasswordResetSmtpTest.outbox(email).get(0);
        assertEquals("pending", row.get("status"), "kept for a later retry, not dropped");
        assertTrue(StartTlsSmtpResource.RECEIVED.stream().noneMatch(mail -> mail.recipient().equalsIgnoreCase(email)),
                "nothing delivered without encryption");
        assertTrue(StartTlsSmtpResource.LOGINS_OVER_TLS.isEmpty(), "the SMTP password was never offered");
    }
}
