package dev.todoapp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/** Which failures the outbox retries and which end a mail at once. */
class FailureClassificationTest {

    private static MailDeliveryException smtp(Throwable failure) {
        return (MailDeliveryException) SmtpTransport.classified(failure);
    }

    private static SMTPException reply(int code) {
        return new SMTPException("rejected", code, List.of(code + " rejected"), code >= 500);
    }

    @Test
    void smtpRejectionsOfTheMailArePermanent() {
        assertTrue(smtp(reply(550)).permanent());
        assertTrue(smtp(reply(553)).permanent());
        assertEquals("SMTP 550", smtp(reply(550)).errorClass());
    }

    @Test
    void smtpHiccupsAndLoginProblemsAreRetried() {
        assertFalse(smtp(reply(421)).permanent());
        assertFalse(smtp(reply(451)).permanent());
        // wrong credentials are the operator's to fix; the mail itself is fine
        assertFalse(smtp(reply(535)).permanent());
        assertFalse(smtp(new RuntimeException("wrapped", reply(530))).permanent());
        MailDeliveryException refused = smtp(new ConnectException("Connection refused"));
        assertFalse(refused.permanent());
        assertEquals("ConnectException", refused.errorClass());
    }

    @Test
    void httpApiClientErrorsArePermanentExceptTimeoutAndRateLimit() {
        for (int status : new int[] {400, 401, 403, 422}) {
            assertTrue(MailDeliveryException.fromHttpApi(new WebApplicationException(status)).permanent(), "HTTP " + status);
        }
        for (int status : new int[] {408, 429, 500, 502, 503}) {
            assertFalse(MailDeliveryException.fromHttpApi(new WebApplicationException(status)).permanent(), "HTTP " + status);
        }
        assertEquals("HTTP 429", MailDeliveryException.fromHttpApi(new WebApplicationException(429)).errorClass());
    }
}
